package farm.moonx.events.kafka.internal;

import java.util.Optional;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;

/**
 * The retry state of a failing record, kept in the metadata of the offset committed for it.
 * A record whose handler failed is committed at its own offset (everything before it is done)
 * with {@code moonx:attempts=<n>:error=<class>}; whoever owns the partition next (this worker
 * after a rebalance, another instance, or this service after a restart) reads it back with
 * {@code committed()} and goes on counting instead of starting again at attempt 1.
 *
 * <p>Why offset metadata and not a retry topic: it needs no extra topic, no extra producer and
 * no re-ordering (the record stays where it is, so per-key order holds), and it is written by
 * the same commit that has to happen anyway. Only the class of the last error is kept, never
 * its message (which may quote event data).
 */
public final class AttemptMetadata {
  private static final String PREFIX = "moonx:attempts=";
  private static final String ERROR = ":error=";
  /** Well under the broker's {@code offset.metadata.max.bytes} (4096 by default). */
  private static final int MAX_CLASS_NAME = 512;

  private AttemptMetadata() {}

  /** What was read back: how often the handler failed on the record at {@code offset}, and with what. */
  public record Attempts(long offset, int attempts, String errorClass) {}

  /** The offset to commit for the record at {@code offset} after its {@code attempts}-th failed attempt. */
  public static OffsetAndMetadata of(long offset, int attempts, Throwable error) {
    String errorClass = error == null ? "" : LogSafe.errorClass(error);
    if (errorClass.length() > MAX_CLASS_NAME) {
      errorClass = errorClass.substring(0, MAX_CLASS_NAME);
    }
    return new OffsetAndMetadata(offset, PREFIX + attempts + ERROR + errorClass);
  }

  /** The attempts recorded in a committed offset, if it carries any. */
  public static Optional<Attempts> read(OffsetAndMetadata committed) {
    if (committed == null || committed.metadata() == null || !committed.metadata().startsWith(PREFIX)) {
      return Optional.empty();
    }
    String rest = committed.metadata().substring(PREFIX.length());
    int error = rest.indexOf(ERROR);
    try {
      int attempts = Integer.parseInt(error < 0 ? rest : rest.substring(0, error));
      String errorClass = error < 0 ? "" : rest.substring(error + ERROR.length());
      return attempts > 0 ? Optional.of(new Attempts(committed.offset(), attempts, errorClass)) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty(); // someone else's metadata: not ours to interpret
    }
  }

  /**
   * Stands in for the error of attempts made before a rebalance or restart: only its class was
   * kept. Dead letters name that class in {@code dlq.error.class}.
   */
  public static final class EarlierFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String errorClass;

    EarlierFailure(Attempts attempts) {
      super("the handler failed " + attempts.attempts() + " time(s) before a rebalance or restart, last with "
          + attempts.errorClass() + " (message not kept)");
      this.errorClass = attempts.errorClass().isEmpty() ? EarlierFailure.class.getName() : attempts.errorClass();
    }

    /** The class of the last error. */
    public String errorClass() {
      return errorClass;
    }
  }
}
