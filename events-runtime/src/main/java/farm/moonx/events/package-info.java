/**
 * The API of moonx-events a service uses: the envelope ({@link farm.moonx.events.EventEnvelope},
 * {@link farm.moonx.events.EventMetadata}), event descriptors and registries, publishing
 * ({@link farm.moonx.events.EventPublisher}, {@link farm.moonx.events.PublishOptions}, results),
 * handling ({@link farm.moonx.events.EventHandler} and where a delivery came from,
 * {@link farm.moonx.events.Delivery}), and the hooks a service may plug in (partition and
 * classification strategies; filters and transformers are plain {@code Predicate} and
 * {@code UnaryOperator} of an envelope, given to the publisher and consumer configs).
 *
 * <p>{@code farm.moonx.events.spi} is what generated code and integrations call (codecs, the
 * envelope serializer, dispatchers, the event factory); everything under {@code internal} is
 * not API and may change in any release.
 */
package farm.moonx.events;
