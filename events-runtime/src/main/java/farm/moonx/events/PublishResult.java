package farm.moonx.events;

/**
 * Where an acknowledged event was written.
 *
 * @param topic the topic
 * @param partition the partition
 * @param offset the offset in the partition
 * @param eventId the event's {@code metadata.eventId}
 * @param timestamp the record timestamp the broker acknowledged, epoch milliseconds
 */
public record PublishResult(String topic, int partition, long offset, String eventId, long timestamp) {}
