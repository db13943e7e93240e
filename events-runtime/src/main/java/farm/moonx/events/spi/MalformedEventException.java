package farm.moonx.events.spi;


/**
 * A message body is not a readable event envelope: not JSON, not an object, missing
 * {@code metadata}, {@code metadata.eventType} or {@code data}, or a field of the wrong type.
 * The message says what was wrong and, where known, at which byte offset.
 */
public class MalformedEventException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The byte offset in the body where the problem was found, or -1 if unknown. */
  private final long byteOffset;

  /** A malformed-body error at {@code byteOffset} (-1 if unknown). */
  public MalformedEventException(String message, long byteOffset, Throwable cause) {
    super(byteOffset >= 0 ? message + " (at byte " + byteOffset + ")" : message, cause);
    this.byteOffset = byteOffset;
  }

  /** A malformed-body error at {@code byteOffset} (-1 if unknown). */
  public MalformedEventException(String message, long byteOffset) {
    this(message, byteOffset, null);
  }

  /** The byte offset where the problem was found, or -1 if unknown. */
  public long byteOffset() {
    return byteOffset;
  }
}
