package farm.moonx.events;

import java.util.Objects;

/**
 * Rewrites an envelope on its way out (before encoding) or in (after decoding, before the
 * handler): enrich the context, redact data, upgrade an old version. Transformers are applied
 * in the order they were registered; each gets the previous one's result.
 *
 * <p>A transformer must return an envelope (the same one if nothing changes), never null,
 * and should keep the data's type: use {@link EventEnvelope#withMetadata} or
 * {@link EventEnvelope#withData}.
 */
@FunctionalInterface
public interface EventTransformer {

  /** The envelope to continue with. */
  EventEnvelope<?> transform(EventEnvelope<?> envelope);

  /** A transformer that applies this one, then {@code next}. */
  default EventTransformer andThen(EventTransformer next) {
    Objects.requireNonNull(next, "next");
    return envelope -> next.transform(transform(envelope));
  }
}
