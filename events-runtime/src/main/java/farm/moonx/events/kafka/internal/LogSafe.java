package farm.moonx.events.kafka.internal;

import farm.moonx.events.EventDescriptor;
import farm.moonx.events.EventEnvelope;
import farm.moonx.events.annotations.DataClassification;
import farm.moonx.events.internal.LogText;

/**
 * What of an event may go into a log line. Ids and types always may; the data only when
 * neither the descriptor nor the envelope classifies it confidential or restricted (the
 * stricter of the two wins, so a consumed envelope cannot talk its way into the logs).
 */
public final class LogSafe {
  private LogSafe() {}

  /** Text from input, escaped and capped for a log line: see {@link LogText}. */
  public static String text(String value) {
    return LogText.of(value);
  }

  /** Whether {@code envelope}'s data must stay out of logs. */
  public static boolean isSensitive(EventEnvelope<?> envelope, EventDescriptor<?> descriptor) {
    return sensitive(envelope.metadata().dataClassification())
        || (descriptor != null && sensitive(descriptor.classification()));
  }

  /** {@code "data=<record>"}, or a placeholder naming the classification for sensitive events. */
  public static String data(EventEnvelope<?> envelope, EventDescriptor<?> descriptor) {
    return isSensitive(envelope, descriptor) ? "data=<sensitive, not logged>" : "data=" + envelope.data();
  }

  /**
   * The error to log for a failure while handling {@code envelope}: the error itself, or for
   * sensitive events a stand-in carrying only the class name and stack trace, because a
   * handler's exception message may quote the data.
   */
  public static Throwable error(Throwable error, boolean sensitive) {
    if (!sensitive || error == null) {
      return error;
    }
    Throwable redacted = new RedactedException(error.getClass().getName());
    redacted.setStackTrace(error.getStackTrace());
    return redacted;
  }

  private static boolean sensitive(DataClassification classification) {
    return classification != null && classification.isSensitive();
  }

  /** Stands in for an exception whose message was withheld from the logs. */
  static final class RedactedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RedactedException(String originalClass) {
      super(originalClass + " (message withheld: it may quote event data)");
    }
  }
}
