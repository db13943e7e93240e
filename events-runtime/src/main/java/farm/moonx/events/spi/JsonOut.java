package farm.moonx.events.spi;

import com.dslplatform.json.JsonWriter;
import com.dslplatform.json.NumberConverter;
import com.dslplatform.json.SerializationException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * Writes JSON bytes for generated codecs and the envelope, over DSL-JSON's {@link JsonWriter}:
 * field names come pre-encoded from {@link JsonFields}, strings and numbers go straight into
 * the writer's byte buffer. Commas are placed by the writer: every value or name after the
 * first in its container is preceded by one. The {@code (fields, index, value)} methods write
 * one field and omit it when the value is null, as the TypeScript services omit
 * {@code undefined}. One instance per thread, reused; not thread-safe.
 */
public final class JsonOut {
  private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
  private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};

  /** Powers of ten up to 10^18, for splitting an unscaled value at its decimal point. */
  private static final long[] TENS = new long[19];

  static {
    TENS[0] = 1;
    for (int i = 1; i < TENS.length; i++) {
      TENS[i] = TENS[i - 1] * 10;
    }
  }

  private final JsonWriter writer;
  private boolean comma;

  JsonOut(JsonWriter writer) {
    this.writer = writer;
  }

  /** A new writer with an empty buffer, for tests and tools: the runtime reuses one per thread. */
  public static JsonOut create() {
    return Engine.newOut();
  }

  /** A copy of the bytes written so far. */
  public byte[] toByteArray() {
    return writer.toByteArray();
  }

  JsonWriter writer() {
    return writer;
  }

  void reset() {
    writer.reset();
    comma = false;
  }

  private void separate() {
    if (comma) {
      writer.writeByte(JsonWriter.COMMA);
    }
  }

  /** Starts an object. */
  public void beginObject() {
    separate();
    writer.writeByte(JsonWriter.OBJECT_START);
    comma = false;
  }

  /** Ends the current object. */
  public void endObject() {
    writer.writeByte(JsonWriter.OBJECT_END);
    comma = true;
  }

  /** Starts an array. */
  public void beginArray() {
    separate();
    writer.writeByte(JsonWriter.ARRAY_START);
    comma = false;
  }

  /** Ends the current array. */
  public void endArray() {
    writer.writeByte(JsonWriter.ARRAY_END);
    comma = true;
  }

  /** Writes the pre-encoded name of field {@code index}; its value follows. */
  public void name(JsonFields fields, int index) {
    byte[] quoted = fields.quoted(index); // with its leading comma, written only after another value
    int from = comma ? 0 : 1;
    writer.writeRaw(quoted, from, quoted.length - from);
    comma = false;
  }

  /** Writes a name given at run time (a map key); its value follows. */
  public void name(String name) {
    separate();
    quoted(Objects.requireNonNull(name, "a JSON object key cannot be null"));
    writer.writeByte(JsonWriter.SEMI);
    comma = false;
  }

  /** Writes {@code null}. */
  public void nullValue() {
    separate();
    writer.writeNull();
    comma = true;
  }

  /**
   * Writes a string. A lone surrogate (in a string cut inside a surrogate pair, such as a
   * truncated emoji) is written as a {@code \u005Cu} escape, as Jackson and JavaScript's
   * {@code JSON.stringify} write it, so the string reads back unchanged.
   */
  public void string(String value) {
    separate();
    quoted(value);
    comma = true;
  }

  private void quoted(String value) {
    int start = writer.size();
    try {
      writer.writeString(value);
    } catch (SerializationException loneSurrogate) {
      // DSL-JSON refuses lone surrogates, and has then written nothing: its position moves only
      // once the whole string is written. Checked, since the bytes would be corrupt otherwise.
      if (writer.size() != start) {
        throw new IllegalStateException("DSL-JSON wrote part of a string it refused", loneSurrogate);
      }
      byte[] escaped = escapedLiteral(value);
      writer.writeRaw(escaped, 0, escaped.length);
    }
  }

  /** {@code value} as a quoted JSON string, escaped as DSL-JSON escapes it, lone surrogates too. */
  private static byte[] escapedLiteral(String value) {
    StringBuilder json = new StringBuilder(value.length() + 16).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
        json.append(c).append(value.charAt(++i)); // a whole pair: UTF-8 as it is
      } else if (c == '"' || c == '\\') {
        json.append('\\').append(c);
      } else if (c == '\b') {
        json.append("\\b");
      } else if (c == '\t') {
        json.append("\\t");
      } else if (c == '\n') {
        json.append("\\n");
      } else if (c == '\f') {
        json.append("\\f");
      } else if (c == '\r') {
        json.append("\\r");
      } else if (c < 0x20 || Character.isSurrogate(c)) {
        json.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
      } else {
        json.append(c);
      }
    }
    return json.append('"').toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Writes a boolean. */
  public void bool(boolean value) {
    separate();
    writer.writeAscii(value ? TRUE : FALSE);
    comma = true;
  }

  /** Writes an integer. */
  public void number(long value) {
    separate();
    NumberConverter.serialize(value, writer);
    comma = true;
  }

  /**
   * Writes a double as {@link Double#toString} spells it (what Jackson writes, so the wire is
   * unchanged); NaN and infinities, which JSON has no number for, as strings as Jackson does.
   */
  public void number(double value) {
    if (Double.isFinite(value)) {
      separate();
      writer.writeAscii(Double.toString(value));
      comma = true;
    } else {
      string(Double.toString(value));
    }
  }

  /** Writes a float as {@link Float#toString} spells it; see {@link #number(double)}. */
  public void number(float value) {
    if (Float.isFinite(value)) {
      separate();
      writer.writeAscii(Float.toString(value));
      comma = true;
    } else {
      string(Float.toString(value));
    }
  }

  /** Writes a decimal as a JSON number, as {@link BigDecimal#toString} spells it. */
  public void number(BigDecimal value) {
    separate();
    writer.writeAscii(value.toString());
    comma = true;
  }

  /** Writes a big integer as a JSON number. */
  public void number(BigInteger value) {
    separate();
    writer.writeAscii(value.toString());
    comma = true;
  }

  /** Writes bytes that already are one JSON value (e.g. from another JSON library). */
  public void raw(byte[] json) {
    separate();
    writer.writeRaw(json, 0, json.length);
    comma = true;
  }

  /** Writes a string field, omitted when null. */
  public void string(JsonFields fields, int index, String value) {
    if (value != null) {
      name(fields, index);
      string(value);
    }
  }

  /** Writes an integer field. */
  public void number(JsonFields fields, int index, long value) {
    name(fields, index);
    number(value);
  }

  /** Writes a double field. */
  public void number(JsonFields fields, int index, double value) {
    name(fields, index);
    number(value);
  }

  /** Writes a float field. */
  public void number(JsonFields fields, int index, float value) {
    name(fields, index);
    number(value);
  }

  /** Writes a boolean field. */
  public void bool(JsonFields fields, int index, boolean value) {
    name(fields, index);
    bool(value);
  }

  /** Writes a decimal field as a string keeping its scale ({@link CodecSupport#decimalString}), omitted when null. */
  public void decimal(JsonFields fields, int index, BigDecimal value) {
    if (value != null) {
      name(fields, index);
      decimal(value);
    }
  }

  /** Writes a decimal as a string keeping its scale, as {@link CodecSupport#decimalString} spells it. */
  public void decimal(BigDecimal value) {
    if (!plainDecimal(value)) {
      string(CodecSupport.decimalString(value));
    }
  }

  /**
   * Writes an amount-sized decimal (at most 18 digits, scale 0 to 18) as the quoted plain text
   * {@link CodecSupport#decimalString} gives it ({@code "12.50"}, {@code "0.005"}), straight into
   * the buffer instead of through {@code toPlainString}; false (nothing written) for others.
   */
  private boolean plainDecimal(BigDecimal value) {
    int scale = value.scale();
    if (scale < 0 || scale > 18 || value.precision() > 18) {
      return false;
    }
    // scaleByPowerOfTen keeps the compact long (a BigDecimal the JIT can scalar-replace), where
    // unscaledValue() builds a BigInteger and its int[] on every call.
    long unscaled = value.scaleByPowerOfTen(scale).longValue();
    separate();
    writer.writeByte(JsonWriter.QUOTE);
    if (unscaled < 0) {
      writer.writeByte((byte) '-');
      unscaled = -unscaled;
    }
    NumberConverter.serialize(unscaled / TENS[scale], writer);
    if (scale > 0) {
      writer.writeByte((byte) '.');
      long fraction = unscaled % TENS[scale];
      for (int digits = scale - 1; digits > 0 && fraction < TENS[digits]; digits--) {
        writer.writeByte((byte) '0');
      }
      NumberConverter.serialize(fraction, writer);
    }
    writer.writeByte(JsonWriter.QUOTE);
    comma = true;
    return true;
  }

  /** Writes an instant field as epoch milliseconds, omitted when null. */
  public void instant(JsonFields fields, int index, Instant value) {
    if (value != null) {
      name(fields, index);
      number(value.toEpochMilli());
    }
  }

  /** Writes a field with {@code codec}, omitted when null. */
  public <T> void value(JsonFields fields, int index, T value, JsonCodec<? super T> codec) {
    if (value != null) {
      name(fields, index);
      codec.write(this, value);
    }
  }

  /** True if {@code name} needs no escaping in JSON (so it can be written pre-encoded). */
  static boolean isPlainName(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < 0x20 || c == '"' || c == '\\') {
        return false;
      }
    }
    return true;
  }
}
