package farm.moonx.events.kafka.internal;

import farm.moonx.events.EventDescriptor;
import farm.moonx.events.EventEnvelope;
import farm.moonx.events.EventValidationException;
import farm.moonx.events.annotations.DataClassification;
import farm.moonx.events.internal.LogText;
import farm.moonx.events.internal.Redaction;
import farm.moonx.events.spi.UnknownEventTypeException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What of an event may go into a log line. Ids and types always may; the data only when
 * neither the descriptor nor the envelope classifies it confidential or restricted (the
 * stricter of the two wins, so a consumed envelope cannot talk its way into the logs).
 */
public final class LogSafe {
  /** What stands in for an error message that may quote sensitive data. */
  public static final String WITHHELD = "message withheld: it may quote event data";

  private LogSafe() {}

  /** Text from input, escaped and capped for a log line: see {@link LogText}. */
  public static String text(String value) {
    return LogText.of(value);
  }

  /** Whether {@code envelope}'s data must stay out of logs (by classification or {@code @Sensitive} components). */
  public static boolean isSensitive(EventEnvelope<?> envelope, EventDescriptor<?> descriptor) {
    return sensitive(envelope.metadata().dataClassification())
        || (descriptor != null && Redaction.hidesValues(descriptor));
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
    // An unknown type or version is told from the routing fields alone: its message quotes no data.
    if (!sensitive || error == null || error instanceof RedactedException || error instanceof UnknownEventTypeException) {
      return error;
    }
    String paths = error instanceof EventValidationException invalid
        ? " at " + String.join(", ", invalid.errors().stream().map(LogSafe::pathOf).toList()) : "";
    Throwable redacted = new RedactedException(errorClass(error), paths);
    redacted.setStackTrace(error.getStackTrace());
    return redacted;
  }

  /** The class name of {@code error}, or of the error it stands in for (a redacted or earlier one). */
  public static String errorClass(Throwable error) {
    if (error instanceof RedactedException redacted) {
      return redacted.originalClass;
    }
    if (error instanceof AttemptMetadata.EarlierFailure earlier) {
      return earlier.errorClass();
    }
    return error.getClass().getName();
  }

  /**
   * Whether an unreadable body may raise its own classification to confidential or restricted:
   * then its parser messages (which may quote its data) are withheld even for a type the
   * descriptor calls public or internal, because {@code metadata.dataClassification} can only
   * raise the level and the body could not be read far enough to know it. A plain text search,
   * only on the error path; a false alarm only withholds a message.
   */
  public static boolean mayBeSensitive(byte[] body) {
    if (body == null) {
      return false;
    }
    String text = new String(body, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    return text.contains("confidential") || text.contains("restricted");
  }

  /** {@code "data.amount: -5 is negative"} -> {@code "data.amount"}: the path without the value. */
  private static String pathOf(String validationError) {
    int colon = validationError.indexOf(':');
    return LogText.of(colon < 0 ? "?" : validationError.substring(0, colon));
  }

  private static boolean sensitive(DataClassification classification) {
    return classification != null && classification.isSensitive();
  }

  /** Stands in for an exception whose message was withheld from the logs. */
  static final class RedactedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String originalClass;

    RedactedException(String originalClass, String paths) {
      super(originalClass + " (" + WITHHELD + ")" + paths);
      this.originalClass = originalClass;
    }
  }
}
