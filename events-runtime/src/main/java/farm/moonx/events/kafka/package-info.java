/**
 * The Kafka side of moonx-events: {@link farm.moonx.events.kafka.KafkaEventPublisher} (publish
 * typed events through one idempotent producer) and
 * {@link farm.moonx.events.kafka.KafkaEventConsumer} (a consumer container with retry,
 * dead-lettering and at-least-once commits), and their configs.
 *
 * <p>Metrics, when a Micrometer {@code MeterRegistry} is given to a config, all tagged
 * {@code event.type}: counters {@code moonx.events.published}, {@code moonx.events.publish.failed}
 * (tag {@code exception}), {@code moonx.events.processed}, {@code moonx.events.processing.failed}
 * (tag {@code exception}), {@code moonx.events.retried}, {@code moonx.events.dead.lettered} and
 * {@code moonx.events.skipped} (tag {@code reason}); timers {@code moonx.events.publish.latency}
 * and {@code moonx.events.processing.time}. While an event is handled, SLF4J's MDC holds
 * {@code eventId}, {@code eventType}, {@code correlationId} and {@code causationId}.
 *
 * <p>Everything under {@code internal} is not API.
 */
package farm.moonx.events.kafka;
