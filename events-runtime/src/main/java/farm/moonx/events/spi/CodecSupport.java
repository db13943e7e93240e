package farm.moonx.events.spi;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Not API: the per-value code of the codecs the annotation processor generates, so that a
 * generated codec is only its record's description. {@code readXxx} read the (non-null) value
 * at the reader's current token and fail with a {@link MalformedEventException} whose message
 * starts with the value's path, e.g. {@code data.items[2].amount: expected a number}; the
 * {@code JsonCodec} constants are the same conversions for container elements;
 * {@link CodecArrays} builds lists, sets, maps and arrays of them. Keeping these here
 * keeps generated code short and the error messages identical everywhere.
 */
public final class CodecSupport {
  private CodecSupport() {}

  /** A JSON string. */
  public static String readString(JsonIn in) throws IOException {
    return in.string();
  }

  /** A JSON {@code true} or {@code false}. */
  public static boolean readBoolean(JsonIn in) throws IOException {
    return in.bool();
  }

  /** A JSON integer in {@code int} range. */
  public static int readInt(JsonIn in) throws IOException {
    return in.intValue();
  }

  /** A JSON integer in {@code long} range. */
  public static long readLong(JsonIn in) throws IOException {
    return in.longValue();
  }

  /** A JSON integer in {@code short} range. */
  public static short readShort(JsonIn in) throws IOException {
    return (short) range(in, Short.MIN_VALUE, Short.MAX_VALUE, "short");
  }

  /** A JSON integer in {@code byte} range. */
  public static byte readByte(JsonIn in) throws IOException {
    return (byte) range(in, Byte.MIN_VALUE, Byte.MAX_VALUE, "byte");
  }

  private static long range(JsonIn in, long min, long max, String type) throws IOException {
    long value = in.longValue();
    if (value < min || value > max) {
      throw in.error(value + " is out of the range of a " + type);
    }
    return value;
  }

  /** A JSON number (finite). */
  public static double readDouble(JsonIn in) throws IOException {
    return in.doubleValue();
  }

  /** A JSON number (finite as a float). */
  public static float readFloat(JsonIn in) throws IOException {
    double value = in.doubleValue();
    if (Float.isInfinite((float) value)) {
      throw in.error(value + " is out of the range of a float");
    }
    return (float) value;
  }

  /** A one-character JSON string. */
  public static char readChar(JsonIn in) throws IOException {
    String text = in.string();
    if (text.length() != 1) {
      throw in.error("\"" + text + "\" is not a single character");
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
  public static BigDecimal readBigDecimal(JsonIn in) throws IOException {
    return JsonNumbers.readDecimal(in);
  }

  /** An integer as a JSON string or integer number. */
  public static BigInteger readBigInteger(JsonIn in) throws IOException {
    return JsonNumbers.readBigInteger(in);
  }

  /** An instant as epoch milliseconds (a JSON integer). */
  public static Instant readInstant(JsonIn in) throws IOException {
    return Instant.ofEpochMilli(in.longValue());
  }

  /** A {@link Date} as epoch milliseconds (a JSON integer). */
  public static Date readDate(JsonIn in) throws IOException {
    return new Date(in.longValue());
  }

  /** An ISO-8601 date string, {@code 2024-05-01}. */
  public static LocalDate readLocalDate(JsonIn in) throws IOException {
    return parse(in, "an ISO-8601 date", t -> LocalDate.parse(t, DateTimeFormatter.ISO_LOCAL_DATE));
  }

  /** An ISO-8601 local date-time string, {@code 2024-05-01T10:15:30}. */
  public static LocalDateTime readLocalDateTime(JsonIn in) throws IOException {
    return parse(in, "an ISO-8601 local date-time", t -> LocalDateTime.parse(t, DateTimeFormatter.ISO_LOCAL_DATE_TIME));
  }

  /** An ISO-8601 date-time string with offset, {@code 2024-05-01T10:15:30+02:00}. */
  public static OffsetDateTime readOffsetDateTime(JsonIn in) throws IOException {
    return parse(in, "an ISO-8601 date-time with offset", t -> OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME));
  }

  /** A UUID string. */
  public static UUID readUuid(JsonIn in) throws IOException {
    return parse(in, "a UUID", UUID::fromString);
  }

  /** Base64 bytes (a JSON string, the MIME alphabet without line feeds, as Jackson writes them). */
  public static byte[] readBytes(JsonIn in) throws IOException {
    if (in.token() != '"') {
      throw in.typeError("a base64 string");
    }
    return parse(in, "base64", Base64.getDecoder()::decode);
  }

  /**
   * A JSON string converted by {@code convert}; the parse errors of the JDK's parsers
   * ({@code NumberFormatException}, {@code DateTimeParseException}, … all
   * {@code IllegalArgumentException}s or {@code DateTimeException}s) become a path-naming error.
   */
  static <T> T parse(JsonIn in, String expected, Function<String, T> convert) throws IOException {
    String text = in.string();
    try {
      return convert.apply(text);
    } catch (IllegalArgumentException | DateTimeException e) {
      throw in.error("\"" + text + "\" is not " + expected, e);
    }
  }

  /** The value of an Optional component, or null (a null Optional counts as empty). */
  public static <T> T orNull(Optional<T> value) {
    return value == null ? null : value.orElse(null);
  }

  /** A value written with {@code write} and read with {@code read}. */
  public static <T> JsonCodec<T> codec(Writer<T> write, Reader<T> read) {
    return new JsonCodec<>() {
      @Override
      public void write(JsonOut out, T value) {
        write.write(out, value);
      }

      @Override
      public T read(JsonIn in) throws IOException {
        return read.read(in);
      }
    };
  }

  /**
   * The codec {@code codec} supplies when first used: for a record that refers to itself, or
   * to a record whose codec is initialized after its own (generated code, in a cycle).
   */
  public static <T> JsonCodec<T> lazy(Supplier<? extends JsonCodec<T>> codec) {
    return codec((out, v) -> codec.get().write(out, v), in -> codec.get().read(in));
  }

  /** Writes one value; see {@link #codec}. */
  @FunctionalInterface
  public interface Writer<T> {
    /** Writes the non-null {@code value}. */
    void write(JsonOut out, T value);
  }

  /** Reads one value; see {@link #codec}. */
  @FunctionalInterface
  public interface Reader<T> {
    /** Reads the non-null value at the current token. */
    T read(JsonIn in) throws IOException;
  }

  /** Strings. */
  public static final JsonCodec<String> STRING = codec(JsonOut::string, CodecSupport::readString);
  /** Booleans. */
  public static final JsonCodec<Boolean> BOOLEAN = codec(JsonOut::bool, CodecSupport::readBoolean);
  /** Bytes as integers. */
  public static final JsonCodec<Byte> BYTE = codec((out, v) -> out.number(v), CodecSupport::readByte);
  /** Shorts. */
  public static final JsonCodec<Short> SHORT = codec((out, v) -> out.number(v), CodecSupport::readShort);
  /** Ints. */
  public static final JsonCodec<Integer> INT = codec((out, v) -> out.number(v), CodecSupport::readInt);
  /** Longs. */
  public static final JsonCodec<Long> LONG = codec((out, v) -> out.number(v), CodecSupport::readLong);
  /** Floats. */
  public static final JsonCodec<Float> FLOAT = codec((out, v) -> out.number(v), CodecSupport::readFloat);
  /** Doubles. */
  public static final JsonCodec<Double> DOUBLE = codec((out, v) -> out.number(v), CodecSupport::readDouble);
  /** Chars as one-character strings. */
  public static final JsonCodec<Character> CHAR = codec((out, v) -> out.string(String.valueOf(v)), CodecSupport::readChar);
  /** Decimals as strings keeping their scale. */
  public static final JsonCodec<BigDecimal> BIG_DECIMAL =
      codec(JsonOut::decimal, CodecSupport::readBigDecimal);
  /** Big integers as strings. */
  public static final JsonCodec<BigInteger> BIG_INTEGER =
      codec((out, v) -> out.string(v.toString()), CodecSupport::readBigInteger);
  /** Instants as epoch milliseconds. */
  public static final JsonCodec<Instant> INSTANT = codec((out, v) -> out.number(v.toEpochMilli()), CodecSupport::readInstant);
  /** Dates as epoch milliseconds. */
  public static final JsonCodec<Date> DATE = codec((out, v) -> out.number(v.getTime()), CodecSupport::readDate);
  /** ISO-8601 dates. */
  public static final JsonCodec<LocalDate> LOCAL_DATE =
      codec((out, v) -> out.string(DateTimeFormatter.ISO_LOCAL_DATE.format(v)), CodecSupport::readLocalDate);
  /** ISO-8601 local date-times. */
  public static final JsonCodec<LocalDateTime> LOCAL_DATE_TIME =
      codec((out, v) -> out.string(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(v)), CodecSupport::readLocalDateTime);
  /** ISO-8601 date-times with offset. */
  public static final JsonCodec<OffsetDateTime> OFFSET_DATE_TIME =
      codec((out, v) -> out.string(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(v)), CodecSupport::readOffsetDateTime);
  /** UUIDs as strings. */
  public static final JsonCodec<UUID> UUID_STRING = codec((out, v) -> out.string(v.toString()), CodecSupport::readUuid);
  /** Byte arrays as base64 strings. */
  public static final JsonCodec<byte[]> BYTES =
      codec((out, v) -> out.string(Base64.getEncoder().encodeToString(v)), CodecSupport::readBytes);

  /** An enum by constant name; an unknown name fails naming {@code typeName} and the value. */
  public static <E extends Enum<E>> JsonCodec<E> enumOf(String typeName, E[] constants) {
    java.util.Map<String, E> byName = new java.util.HashMap<>();
    for (E constant : constants) {
      byName.put(constant.name(), constant);
    }
    return codec((out, v) -> out.string(v.name()), in -> {
      String name = in.string();
      E constant = byName.get(name);
      if (constant == null) {
        throw in.error("\"" + name + "\" is not a constant of " + typeName);
      }
      return constant;
    });
  }
}
