package farm.moonx.events.kafka;

/**
 * What a consumer does with a record whose event type it does not handle. Such records are
 * recognised by their {@link EventHeaders#EVENT_TYPE} header (or, without one, by reading
 * only the envelope's metadata): their data is never decoded.
 */
public enum UnknownTypePolicy {
  /** Skip it, count it ({@code moonx.events.skipped}, reason {@code unhandled}) and commit: right for shared topics. */
  SKIP,
  /** Copy it to the dead-letter topic and commit: right for topics that carry only this service's events. */
  DEAD_LETTER
}
