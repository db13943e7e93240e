package farm.moonx.events.spi;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Not API: the reading half of the codecs the annotation processor generates (and
 * {@link #decimalString}, the one text form of decimals they write). Every reading method
 * reads the value at the parser's current token (never {@code null}: generated code handles
 * JSON {@code null} itself) and fails with a {@link JsonParseException} whose message starts
 * with the path of the offending value, e.g. {@code data.items[2].amount: expected a number}.
 * Keeping these here (rather than inlined into every generated codec) keeps generated code
 * short and the error messages identical everywhere.
 */
public final class CodecSupport {
  private CodecSupport() {}

  /**
   * Reads one JSON value; generated lambdas and method references implement it.
   *
   * @param <T> the value type
   */
  @FunctionalInterface
  public interface ValueReader<T> {
    /** Reads the value at the parser's current (non-null) token. */
    T read(JsonParser parser) throws IOException;
  }

  /** Fails unless the current token starts an object. */
  public static void expectObject(JsonParser parser) throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw unexpected(parser, "a JSON object");
    }
  }

  /** The error for a required field absent (or null) in the object the parser just left. */
  public static JsonParseException missing(JsonParser parser, String field) {
    String parent = path(parser.getParsingContext());
    return new JsonParseException(
        parser, (parent.isEmpty() ? field : parent + "." + field) + ": required field is missing");
  }

  /** The error for a value of the wrong JSON type at the current token. */
  public static JsonParseException unexpected(JsonParser parser, String expected) {
    return new JsonParseException(
        parser, where(parser) + ": expected " + expected + " but found " + parser.currentToken());
  }

  /** The error for a value of the right JSON type that does not parse, e.g. a bad date. */
  public static JsonParseException invalid(JsonParser parser, String expected, Throwable cause) {
    String text;
    try {
      text = parser.getText();
    } catch (IOException e) {
      text = String.valueOf(parser.currentToken());
    }
    return new JsonParseException(parser, where(parser) + ": \"" + text + "\" is not " + expected, cause);
  }

  /** The dotted path of the current value, e.g. {@code data.items[2].amount}. */
  public static String where(JsonParser parser) {
    return path(parser.getParsingContext());
  }

  private static String path(JsonStreamContext context) {
    List<String> parts = new ArrayList<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray()) {
        parts.add("[" + Math.max(c.getCurrentIndex(), 0) + "]");
      } else if (c.getCurrentName() != null) {
        parts.add(c.getCurrentName());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (int i = parts.size() - 1; i >= 0; i--) {
      String part = parts.get(i);
      if (sb.length() > 0 && !part.startsWith("[")) {
        sb.append('.');
      }
      sb.append(part);
    }
    return sb.toString();
  }

  /** A JSON string. */
  public static String readString(JsonParser parser) throws IOException {
    if (parser.currentToken() != JsonToken.VALUE_STRING) {
      throw unexpected(parser, "a string");
    }
    return parser.getText();
  }

  /** A JSON {@code true} or {@code false}. */
  public static boolean readBoolean(JsonParser parser) throws IOException {
    JsonToken t = parser.currentToken();
    if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
      throw unexpected(parser, "true or false");
    }
    return t == JsonToken.VALUE_TRUE;
  }

  /** A JSON integer in {@code int} range. */
  public static int readInt(JsonParser parser) throws IOException {
    expectInteger(parser);
    return parser.getIntValue();
  }

  /** A JSON integer in {@code long} range. */
  public static long readLong(JsonParser parser) throws IOException {
    expectInteger(parser);
    return parser.getLongValue();
  }

  /** A JSON integer in {@code short} range. */
  public static short readShort(JsonParser parser) throws IOException {
    expectInteger(parser);
    return parser.getShortValue();
  }

  /** A JSON integer in {@code byte} range. */
  public static byte readByte(JsonParser parser) throws IOException {
    expectInteger(parser);
    int value = parser.getIntValue();
    if (value < Byte.MIN_VALUE || value > Byte.MAX_VALUE) {
      throw invalid(parser, "in byte range", null);
    }
    return (byte) value;
  }

  /** A JSON number in {@code double} range: {@code 1e400} is an error, never {@code Infinity}. */
  public static double readDouble(JsonParser parser) throws IOException {
    expectNumber(parser);
    double value = parser.getDoubleValue();
    if (Double.isInfinite(value)) {
      throw new JsonParseException(parser, where(parser) + ": " + parser.getText() + " is out of range for a double");
    }
    return value;
  }

  /** A JSON number in {@code float} range: {@code 1e39} is an error, never {@code Infinity}. */
  public static float readFloat(JsonParser parser) throws IOException {
    expectNumber(parser);
    float value = parser.getFloatValue();
    if (Float.isInfinite(value)) {
      throw new JsonParseException(parser, where(parser) + ": " + parser.getText() + " is out of range for a float");
    }
    return value;
  }

  /** A one-character JSON string. */
  public static char readChar(JsonParser parser) throws IOException {
    String text = readString(parser);
    if (text.length() != 1) {
      throw invalid(parser, "a single character", null);
    }
    return text.charAt(0);
  }

  /**
   * The text a decimal is written as, in JSON and in partition keys. Plain notation
   * ({@code "12.50"}, {@code "0.00000001"}), as the TypeScript services write amounts, whenever
   * that keeps the scale and stays short; scientific notation ({@link BigDecimal#toString()},
   * e.g. {@code "1E+400"}) otherwise: for a negative scale, which plain notation would lose (and
   * {@code 1E+100000000} written plain is a 100 MB string), and for a value with more than
   * {@value #MAX_PLAIN_LEADING_ZEROS} zeros after the point before its first digit, which plain
   * notation would blow up the same way. {@link #readBigDecimal} reads both back, scale included.
   */
  public static String decimalString(BigDecimal value) {
    boolean plainIsShort = value.scale() >= 0
        && (long) value.scale() - value.precision() <= MAX_PLAIN_LEADING_ZEROS;
    return plainIsShort ? value.toPlainString() : value.toString();
  }

  /** Beyond this many zeros between the point and the first digit, decimals are written in scientific notation. */
  static final int MAX_PLAIN_LEADING_ZEROS = 100;

  /** A decimal as a JSON string ({@code "12.50"}, how the services write amounts) or number. */
  public static BigDecimal readBigDecimal(JsonParser parser) throws IOException {
    if (parser.currentToken().isNumeric()) {
      return parser.getDecimalValue();
    }
    checkNumberLength(parser);
    return parse(parser, "a decimal number", BigDecimal::new);
  }

  /** An integer as a JSON string or integer number. */
  public static BigInteger readBigInteger(JsonParser parser) throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT) {
      return parser.getBigIntegerValue();
    }
    checkNumberLength(parser);
    return parse(parser, "an integer", BigInteger::new);
  }

  /**
   * Rejects a number written as a string longer than the parser's
   * {@code StreamReadConstraints.maxNumberLength} (Jackson's default:
   * {@value StreamReadConstraints#DEFAULT_MAX_NUM_LEN} characters), the limit Jackson already
   * applies to JSON numbers: {@code new BigDecimal(String)} and {@code new BigInteger(String)}
   * take quadratic time, and a string may be megabytes long. Raise the limit with a
   * {@code JsonFactory} of your own ({@link JsonEventSerializer#JsonEventSerializer}).
   */
  public static void checkNumberLength(JsonParser parser) throws IOException {
    if (parser.currentToken() != JsonToken.VALUE_STRING) {
      return; // numbers: the parser checked them itself; other tokens fail in the conversion
    }
    int max = parser.streamReadConstraints().getMaxNumberLength();
    int length = parser.getTextLength();
    if (length > max) {
      // Not quoting the text: it is the oversize input itself.
      throw new JsonParseException(parser, where(parser) + ": a number of " + length
          + " characters is longer than the limit of " + max + " (StreamReadConstraints.maxNumberLength)");
    }
  }

  /** An instant as epoch milliseconds (a JSON integer). */
  public static Instant readInstant(JsonParser parser) throws IOException {
    return Instant.ofEpochMilli(readLong(parser));
  }

  /** A {@link Date} as epoch milliseconds (a JSON integer). */
  public static Date readDate(JsonParser parser) throws IOException {
    return new Date(readLong(parser));
  }

  /** An ISO-8601 date string, {@code 2024-05-01}. */
  public static LocalDate readLocalDate(JsonParser parser) throws IOException {
    return parse(parser, "an ISO-8601 date", t -> LocalDate.parse(t, DateTimeFormatter.ISO_LOCAL_DATE));
  }

  /** An ISO-8601 local date-time string, {@code 2024-05-01T10:15:30}. */
  public static LocalDateTime readLocalDateTime(JsonParser parser) throws IOException {
    return parse(parser, "an ISO-8601 local date-time",
        t -> LocalDateTime.parse(t, DateTimeFormatter.ISO_LOCAL_DATE_TIME));
  }

  /** An ISO-8601 date-time string with offset, {@code 2024-05-01T10:15:30+02:00}. */
  public static OffsetDateTime readOffsetDateTime(JsonParser parser) throws IOException {
    return parse(parser, "an ISO-8601 date-time with offset",
        t -> OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME));
  }

  /** A UUID string. */
  public static UUID readUuid(JsonParser parser) throws IOException {
    return parse(parser, "a UUID", UUID::fromString);
  }

  /**
   * A JSON string converted by {@code convert}; the parse errors of the JDK's parsers
   * ({@code NumberFormatException}, {@code DateTimeParseException}, … all
   * {@code IllegalArgumentException}s or {@code DateTimeException}s) become a path-naming
   * {@link JsonParseException}.
   */
  private static <T> T parse(JsonParser parser, String expected, Function<String, T> convert) throws IOException {
    String text = readString(parser);
    try {
      return convert.apply(text);
    } catch (IllegalArgumentException | DateTimeException e) {
      throw invalid(parser, expected, e);
    }
  }

  /** Base64 bytes (a JSON string, Jackson's default MIME variant without line feeds). */
  public static byte[] readBytes(JsonParser parser) throws IOException {
    if (parser.currentToken() != JsonToken.VALUE_STRING) {
      throw unexpected(parser, "a base64 string");
    }
    return parser.getBinaryValue();
  }

  /** The error for an enum constant that does not exist, naming the field and the value. */
  public static JsonParseException unknownConstant(JsonParser parser, String type, IllegalArgumentException e) {
    return invalid(parser, "a constant of " + type, e);
  }

  /**
   * A JSON array as an unmodifiable list; JSON {@code null} elements stay {@code null}
   * elements (so {@code List.copyOf}, which rejects them, is not used).
   */
  public static <T> List<T> readList(JsonParser parser, ValueReader<? extends T> element) throws IOException {
    return Collections.unmodifiableList(readArray(parser, element));
  }

  /** A JSON array as an unmodifiable set in array order; see {@link #readList}. */
  public static <T> Set<T> readSet(JsonParser parser, ValueReader<? extends T> element) throws IOException {
    return Collections.unmodifiableSet(new LinkedHashSet<>(readArray(parser, element)));
  }

  /** A JSON array as a modifiable list, for arrays of reference types. */
  public static <T> ArrayList<T> readArray(JsonParser parser, ValueReader<? extends T> element) throws IOException {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      throw unexpected(parser, "an array");
    }
    ArrayList<T> values = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      values.add(parser.currentToken() == JsonToken.VALUE_NULL ? null : element.read(parser));
    }
    return values;
  }

  /** A JSON object as an unmodifiable map in field order; {@code null} values stay. */
  public static <V> Map<String, V> readMap(JsonParser parser, ValueReader<? extends V> value) throws IOException {
    expectObject(parser);
    Map<String, V> values = new LinkedHashMap<>();
    for (String key = parser.nextFieldName(); key != null; key = parser.nextFieldName()) {
      values.put(key, parser.nextToken() == JsonToken.VALUE_NULL ? null : value.read(parser));
    }
    return Collections.unmodifiableMap(values);
  }

  private static void expectInteger(JsonParser parser) throws IOException {
    if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT) {
      throw unexpected(parser, "an integer");
    }
  }

  private static void expectNumber(JsonParser parser) throws IOException {
    if (!parser.currentToken().isNumeric()) {
      throw unexpected(parser, "a number");
    }
  }
}
