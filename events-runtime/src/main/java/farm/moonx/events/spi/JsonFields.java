package farm.moonx.events.spi;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The fields of one JSON object shape, described once: names in declaration order, each
 * pre-encoded for writing ({@code ,"name":}) and for matching while reading (raw UTF-8 bytes),
 * and which of them are required. Generated codecs hold one per record; {@link JsonOut} writes
 * names from it and {@link JsonIn} matches field names on bytes against it (the expected one
 * first, then each in turn) and reports missing required fields by name.
 */
public final class JsonFields {
  /** Little-endian 8-byte words of a byte array. */
  static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private final String[] names;
  private final byte[][] raw;
  private final byte[][] quoted;
  private final long[] required;
  /**
   * For {@link #isAt}: each name followed by its closing quote, its first 16 bytes as two
   * little-endian words, and the masks of the bytes that count in each (the rest of a name of 16
   * bytes or more is compared byte by byte).
   */
  private final long[] words;
  private final long[] masks;

  private JsonFields(List<String> names, List<Boolean> required) {
    this.names = names.toArray(String[]::new);
    this.raw = new byte[this.names.length][];
    this.quoted = new byte[this.names.length][];
    this.required = new long[(this.names.length + 63) / 64];
    this.words = new long[this.names.length * 2];
    this.masks = new long[this.names.length * 2];
    for (int i = 0; i < this.names.length; i++) {
      String name = this.names[i];
      if (!JsonOut.isPlainName(name)) {
        throw new IllegalArgumentException("field name needs escaping: " + name);
      }
      raw[i] = name.getBytes(StandardCharsets.UTF_8);
      quoted[i] = (",\"" + name + "\":").getBytes(StandardCharsets.UTF_8);
      byte[] padded = Arrays.copyOf((name + '"').getBytes(StandardCharsets.UTF_8), 16);
      int counted = Math.min(raw[i].length + 1, 16);
      words[2 * i] = (long) LONGS.get(padded, 0);
      words[2 * i + 1] = (long) LONGS.get(padded, 8);
      masks[2 * i] = mask(Math.min(counted, 8));
      masks[2 * i + 1] = counted > 8 ? mask(counted - 8) : 0;
      if (required.get(i)) {
        this.required[i >>> 6] |= 1L << i;
      }
    }
  }

  /**
   * Fields in declaration order, required unless the name ends with {@code ?} (as in a
   * TypeScript declaration, {@code note?}): {@code of("paymentId", "note?")}.
   */
  public static JsonFields of(String... names) {
    Builder b = builder();
    for (String name : names) {
      if (name.endsWith("?")) {
        b.optional(name.substring(0, name.length() - 1));
      } else {
        b.required(name);
      }
    }
    return b.build();
  }

  /** A builder adding fields in declaration order. */
  public static Builder builder() {
    return new Builder();
  }

  /** The number of fields. */
  public int size() {
    return names.length;
  }

  /** The name of field {@code index}. */
  public String name(int index) {
    return names[index];
  }

  /**
   * Whether the name of field {@code index} stands in {@code body} at {@code start}, followed by
   * its closing quote (a field name never holds a quote or backslash, so it cannot go on past
   * it). The name and its quote are compared as two masked 8-byte words, without a branch on
   * the name's length (a name of 16 bytes or more compares its remaining bytes one by one):
   * every field of every message is matched here.
   */
  boolean isAt(int index, byte[] body, int start) {
    if (start + 16 > body.length) {
      return endsAt(index, body, start, 0);
    }
    int w = 2 * index;
    long first = (long) LONGS.get(body, start);
    long second = (long) LONGS.get(body, start + 8);
    // A full second mask: a name of 15 bytes or more; endsAt checks its bytes past the 16th and its quote.
    return ((first & masks[w]) ^ words[w] | (second & masks[w + 1]) ^ words[w + 1]) == 0
        && (masks[w + 1] != -1L || endsAt(index, body, start, 15));
  }

  /** Whether the name's bytes from {@code from} on, and its closing quote, stand in {@code body} at {@code start}. */
  private boolean endsAt(int index, byte[] body, int start, int from) {
    byte[] name = raw[index];
    int end = start + name.length;
    return end < body.length && body[end] == '"' && sameBytes(name, from, body, start);
  }

  /** The low {@code bytes} bytes of a little-endian word. */
  private static long mask(int bytes) {
    return bytes == 8 ? -1L : (1L << (8 * bytes)) - 1;
  }

  private static boolean sameBytes(byte[] name, int from, byte[] body, int start) {
    for (int i = from; i < name.length; i++) {
      if (body[start + i] != name[i]) {
        return false;
      }
    }
    return true;
  }

  /** Field {@code index}'s name as written after another field, {@code ,"name":} (from byte 1 when first). */
  byte[] quoted(int index) {
    return quoted[index];
  }

  /** The length of field {@code index}'s name in bytes. */
  int nameLength(int index) {
    return raw[index].length;
  }

  /**
   * The field whose name (and closing quote) stands in {@code body} at {@code start}, or -1:
   * first the {@code expected} one, then from {@code expected} on, then from the first field.
   * Fields come in declaration order with the omitted (null) ones left out, so the search
   * usually ends at once or after a few words compared. A name written with escapes never
   * matches here; {@link JsonIn} decodes it and looks it up with {@link #indexOf}.
   */
  int find(int expected, byte[] body, int start) {
    for (int i = expected; i < names.length; i++) {
      if (isAt(i, body, start)) {
        return i;
      }
    }
    for (int i = 0; i < expected && i < names.length; i++) {
      if (isAt(i, body, start)) {
        return i;
      }
    }
    return -1;
  }

  /** The index of the field named {@code name}, or -1. */
  int indexOf(String name) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  int words() {
    return required.length;
  }

  /** The first required field not set in {@code seen} (bit i = field i was read), or -1. */
  int firstMissing(long[] seen) {
    for (int w = 0; w < required.length; w++) {
      long missing = required[w] & ~seen[w];
      if (missing != 0) {
        return w * 64 + Long.numberOfTrailingZeros(missing);
      }
    }
    return -1;
  }

  @Override
  public String toString() {
    return "JsonFields" + Arrays.toString(names);
  }

  /** Adds fields in declaration order. */
  public static final class Builder {
    private final List<String> names = new ArrayList<>();
    private final List<Boolean> required = new ArrayList<>();

    private Builder() {}

    /** A field that must be present and not null. */
    public Builder required(String name) {
      return add(name, true);
    }

    /** A field that may be absent or null. */
    public Builder optional(String name) {
      return add(name, false);
    }

    private Builder add(String name, boolean isRequired) {
      if (names.contains(Objects.requireNonNull(name, "name"))) {
        throw new IllegalArgumentException("duplicate field " + name);
      }
      names.add(name);
      required.add(isRequired);
      return this;
    }

    /** The described fields. */
    public JsonFields build() {
      return new JsonFields(names, required);
    }
  }
}
