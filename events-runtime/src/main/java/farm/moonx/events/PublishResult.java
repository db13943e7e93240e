package farm.moonx.events;

/**
 * Where an acknowledged event was written.
 *
 * <p>An event a publisher's filter rejected is not sent; its result has partition and offset
 * {@code -1} and {@link #sent()} false (see {@link #notSent}).
 *
 * @param topic the topic
 * @param partition the partition, or -1 if the event was not sent
 * @param offset the offset in the partition, or -1 if the event was not sent
 * @param eventId the event's {@code metadata.eventId}
 * @param timestamp the record timestamp the broker acknowledged, epoch milliseconds (the event's
 *     own timestamp if it was not sent)
 */
public record PublishResult(String topic, int partition, long offset, String eventId, long timestamp) {

  /** The result for an event that was deliberately not sent (a filter rejected it). */
  public static PublishResult notSent(String topic, String eventId, long timestamp) {
    return new PublishResult(topic, -1, -1L, eventId, timestamp);
  }

  /** Whether the event was written to Kafka (false only for {@link #notSent} results). */
  public boolean sent() {
    return offset >= 0;
  }
}
