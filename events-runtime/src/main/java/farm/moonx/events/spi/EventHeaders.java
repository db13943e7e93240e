package farm.moonx.events.spi;


/**
 * The Kafka record header names this library writes and reads. All values are UTF-8 text.
 *
 * <p>Routing headers mirror the envelope's metadata so a consumer can route or skip a record
 * without parsing its body. CloudEvents headers (binary content mode of the Kafka protocol
 * binding) are written only when enabled on the publisher. Dead-letter headers are added to
 * a record copied to a dead-letter topic; they all start with {@value #DLQ_PREFIX} and are
 * replaced, never repeated, when a record is dead-lettered again.
 */
public final class EventHeaders {
  /** {@code metadata.eventType}. */
  public static final String EVENT_TYPE = "eventType";
  /** {@code metadata.eventId}. */
  public static final String EVENT_ID = "eventId";
  /** {@code metadata.eventVersion}. */
  public static final String EVENT_VERSION = "eventVersion";
  /** {@code metadata.correlationId}. */
  public static final String CORRELATION_ID = "correlationId";
  /** {@code metadata.causationId}, when present. */
  public static final String CAUSATION_ID = "causationId";

  /** CloudEvents spec version, always {@code 1.0}. */
  public static final String CE_SPECVERSION = "ce_specversion";
  /** CloudEvents id: the event id. */
  public static final String CE_ID = "ce_id";
  /** CloudEvents source: the publishing service's name. */
  public static final String CE_SOURCE = "ce_source";
  /** CloudEvents type: the event type. */
  public static final String CE_TYPE = "ce_type";
  /** CloudEvents time: the event timestamp, RFC 3339. */
  public static final String CE_TIME = "ce_time";
  /** The content type of the value, {@code application/json}. */
  public static final String CONTENT_TYPE = "content-type";

  /** The prefix of every dead-letter header. */
  public static final String DLQ_PREFIX = "dlq.";
  /** Class name of the error that sent the record to the dead-letter topic. */
  public static final String DLQ_ERROR_CLASS = "dlq.error.class";
  /** Its message, at most {@value #DLQ_MAX_MESSAGE_LENGTH} characters. */
  public static final String DLQ_ERROR_MESSAGE = "dlq.error.message";
  /** The topic the record was consumed from. */
  public static final String DLQ_ORIGINAL_TOPIC = "dlq.original.topic";
  /** Its partition (decimal). */
  public static final String DLQ_ORIGINAL_PARTITION = "dlq.original.partition";
  /** Its offset (decimal). */
  public static final String DLQ_ORIGINAL_OFFSET = "dlq.original.offset";
  /** Its record timestamp, epoch milliseconds (decimal). */
  public static final String DLQ_ORIGINAL_TIMESTAMP = "dlq.original.timestamp";
  /** The consumer group that gave up on it. */
  public static final String DLQ_CONSUMER_GROUP = "dlq.consumer.group";
  /** How many times the handler was tried (0 when the record was never handed to it). */
  public static final String DLQ_ATTEMPTS = "dlq.attempts";
  /** When it was dead-lettered, epoch milliseconds (decimal). */
  public static final String DLQ_FAILED_AT = "dlq.failed.at";

  /**
   * On a record replayed from a dead-letter topic: where it was replayed from,
   * {@code <dead-letter topic>-<partition>@<offset>}. Not a {@code dlq.*} header, so it stays if
   * the record is dead-lettered again.
   */
  public static final String REPLAYED_FROM = "replayed.from";

  /**
   * Present when the dead letter carries no value because the original could not be copied
   * (too large for the dead-letter topic with these headers): the original value's size in
   * bytes. The original stays at {@link #DLQ_ORIGINAL_TOPIC} / partition / offset.
   */
  public static final String DLQ_PAYLOAD_OMITTED = "dlq.payload.omitted";

  /** Longest error message kept in {@link #DLQ_ERROR_MESSAGE}. */
  public static final int DLQ_MAX_MESSAGE_LENGTH = 1000;

  private EventHeaders() {}
}
