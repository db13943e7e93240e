package farm.moonx.events.kafka;

/**
 * When the consumer container commits offsets. Either way an offset is committed only once its
 * record was handled, skipped or dead-lettered (at-least-once), and Kafka's own
 * {@code enable.auto.commit} stays off.
 */
public enum CommitMode {
  /** One synchronous commit per record: the fewest redeliveries after a crash, the most commits. */
  AFTER_EACH_RECORD,
  /** One synchronous commit per poll, covering every record of it that is done (the default). */
  AFTER_EACH_BATCH
}
