package farm.moonx.events.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import farm.moonx.events.spi.MalformedEventException;
import java.io.IOException;

/** Builds {@link MalformedEventException}s carrying the byte offset where a problem was found. */
public final class Malformed {
  private Malformed() {}

  /** A problem at the parser's current token. */
  public static MalformedEventException at(JsonParser p, String message) {
    return at(p, message, 0);
  }

  /** A problem at the current token of a parser reading a slice of the body from {@code base}. */
  public static MalformedEventException at(JsonParser p, String message, long base) {
    return new MalformedEventException(message, offset(p.currentTokenLocation(), base));
  }

  /**
   * A Jackson failure: not JSON, truncated, too deep or too long. The offset is Jackson's, moved
   * by {@code base} when the parser read a slice of the body starting there.
   */
  public static MalformedEventException fromJackson(String what, IOException e, JsonParser p, long base) {
    JsonLocation location = e instanceof JsonProcessingException j ? j.getLocation() : null;
    if (location == null && p != null) {
      location = p.currentLocation();
    }
    String detail = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
    return new MalformedEventException(what + ": " + detail, offset(location, base), e);
  }

  /** An offset in the whole body, or -1 if unknown. */
  public static long offset(JsonLocation location, long base) {
    if (location == null || location.getByteOffset() < 0) {
      return -1;
    }
    return location.getByteOffset() + base;
  }
}
