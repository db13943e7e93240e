package farm.moonx.events.spi;

import com.dslplatform.json.JsonReader;
import java.io.IOException;
import java.util.Arrays;

/**
 * Reads JSON bytes for generated codecs and the envelope, over DSL-JSON's {@link JsonReader}:
 * field names are matched on their bytes against a {@link JsonFields} (the expected order
 * first, then by hash), strings and numbers are decoded from the body without an intermediate
 * token object, and unknown values are skipped without recursion. It tracks the path of the
 * current value ({@code data.items[2].amount}) and the nesting depth, so every error is a
 * {@link MalformedEventException} naming the path and the byte offset, and deep input fails at
 * {@value #MAX_NESTING_DEPTH} levels instead of overflowing the stack. One instance per thread,
 * reused for every message; not thread-safe.
 *
 * <p>The current token is the first byte of the value to read; each {@code read} method
 * consumes exactly one value. Numbers: {@link JsonNumbers}.
 */
public final class JsonIn {
  /** The nesting depth beyond which input is rejected (the envelope object is depth 1). */
  public static final int MAX_NESTING_DEPTH = 500;
  /** The longest string value accepted, in characters. */
  public static final int MAX_STRING_LENGTH = 5_000_000;
  /** Returned by {@link #firstField}/{@link #nextField} at the end of the object. */
  public static final int END = -1;
  static final int UNKNOWN = -2;

  final JsonReader<Object> reader;
  byte[] body;
  private long base;
  private String prefix;
  private String subject;
  int depth;
  /** The longest number accepted, in characters (as a JSON number or a decimal string). */
  int maxNumberLength = JsonNumbers.MAX_NUMBER_LENGTH;
  /** Where the last number scanned ended (exclusive), set by {@link JsonNumbers#scan}. */
  int numberEnd;
  private final String[] names = new String[MAX_NESTING_DEPTH + 2];
  final int[] indexes = new int[MAX_NESTING_DEPTH + 2];
  private final int[] lastField = new int[MAX_NESTING_DEPTH + 2];
  private final long[][] seen = new long[MAX_NESTING_DEPTH + 2][];
  private final RecordValues[] values = new RecordValues[MAX_NESTING_DEPTH + 2];

  JsonIn(JsonReader<Object> reader) {
    this.reader = reader;
  }

  /**
   * A new reader over {@code json} (a whole JSON document), positioned on its first token;
   * error paths start with {@code path} (e.g. {@code "data"}). For tests and tools: the
   * runtime reuses one reader per thread.
   *
   * @throws IOException if {@code json} is empty or whitespace only
   */
  public static JsonIn of(byte[] json, String path) throws IOException {
    JsonIn in = Engine.newIn();
    in.start(json, 0, path);
    in.reader.getNextToken();
    return in;
  }

  /**
   * The holder for the components of a record about to be read at the current depth, empty
   * and with room for {@code size} of them (see {@link RecordCodec#read}).
   */
  RecordValues values(int size) {
    RecordValues held = values[depth];
    if (held == null) {
      held = new RecordValues(Math.max(size, 8));
      values[depth] = held;
    }
    return held.fit(size);
  }

  /** Starts reading {@code json}, whose byte 0 is at {@code base} in the message body. */
  void start(byte[] json, long base, String prefix) {
    this.body = json;
    this.base = base;
    this.prefix = prefix;
    this.subject = null;
    this.depth = 0;
    reader.process(json, json.length);
  }

  /** The event whose data is being read, named in error messages; or null. */
  void subject(String subject) {
    this.subject = subject;
  }

  /**
   * Reads the value at the current token as plain Java: objects as unmodifiable
   * insertion-ordered {@code Map<String, Object>}, arrays as unmodifiable lists, strings,
   * numbers, booleans and null as themselves (for tools that show free-form JSON).
   */
  public Object value() throws IOException {
    return AnyJson.read(this);
  }

  /** The current token: the first byte of the current value. */
  public byte token() {
    return reader.last();
  }

  /** The byte offset of the current token in the message body. */
  public long offset() {
    return base + Math.max(reader.getCurrentIndex() - 1, 0);
  }

  /** True (and the null consumed) if the current value is {@code null}. */
  public boolean isNull() throws IOException {
    if (reader.last() == 'n') {
      if (!reader.wasNull()) {
        throw syntax("expected null");
      }
      return true;
    }
    return false;
  }

  // ---- objects with known fields ----

  /**
   * Enters the object at the current token and returns the index of its first field with a
   * non-null value (positioned on that value), or {@link #END}. Unknown fields and nulls are
   * skipped; the next field comes from {@link #nextField}. At the end, a required field not
   * read fails, naming it.
   */
  public int firstField(JsonFields fields) throws IOException {
    if (reader.last() != '{') {
      throw typeError("an object");
    }
    enter(-1);
    lastField[depth] = -1;
    long[] bits = seen[depth];
    if (bits == null || bits.length < fields.words()) {
      seen[depth] = new long[Math.max(fields.words(), 1)];
    } else {
      Arrays.fill(bits, 0L);
    }
    return reader.getNextToken() == '}' ? finish(fields) : field(fields, true);
  }

  /** After a field's value: the index of the next field with a value, or {@link #END}. */
  public int nextField(JsonFields fields) throws IOException {
    byte t = reader.getNextToken();
    if (t == ',') {
      reader.getNextToken();
      return field(fields, true);
    }
    if (t == '}') {
      return finish(fields);
    }
    throw syntax("expected ',' or '}' after a field");
  }

  /** Like {@link #firstField} for the envelope: nulls and unknown ({@link #UNKNOWN}) fields returned too. */
  int firstKey(JsonFields fields) throws IOException {
    enter(-1);
    lastField[depth] = -1;
    return reader.getNextToken() == '}' ? leave() : field(fields, false);
  }

  /** Like {@link #nextField} for the envelope. */
  int nextKey(JsonFields fields) throws IOException {
    byte t = reader.getNextToken();
    if (t == ',') {
      reader.getNextToken();
      return field(fields, false);
    }
    if (t == '}') {
      return leave();
    }
    throw syntax("expected ',' or '}' after a field");
  }

  private int field(JsonFields fields, boolean valuesOnly) throws IOException {
    while (true) {
      if (reader.last() != '"') {
        throw syntax("expected a field name");
      }
      int hash = reader.fillNameWeakHash(); // a byte sum: cheaper, and names are compared on bytes anyway
      int index = match(fields, hash);
      names[depth] = index >= 0 ? fields.name(index) : null;
      reader.getNextToken();
      if (index >= 0) {
        lastField[depth] = index;
      }
      if (!valuesOnly) {
        return index >= 0 ? index : UNKNOWN;
      }
      if (!isNull()) {
        if (index >= 0) {
          seen[depth][index >>> 6] |= 1L << index;
          return index;
        }
        skip();
      }
      byte t = reader.getNextToken();
      if (t == '}') {
        return finish(fields);
      }
      if (t != ',') {
        throw syntax("expected ',' or '}' after a field");
      }
      reader.getNextToken();
    }
  }

  /** The field whose name the reader just read: the one expected next, else by hash; -1 if none. */
  private int match(JsonFields fields, int hash) {
    return fields.find(hash, lastField[depth] + 1, body, reader.getTokenStart());
  }

  private int finish(JsonFields fields) {
    int missing = fields.firstMissing(seen[depth]);
    if (missing >= 0) {
      names[depth] = fields.name(missing);
      throw error("required field is missing");
    }
    return leave();
  }

  private int leave() {
    depth--;
    return END;
  }

  // ---- maps and arrays ----

  /** Enters the object at the current token; its first key (positioned on its value), or null if empty. */
  public String firstKey() throws IOException {
    if (reader.last() != '{') {
      throw typeError("an object");
    }
    enter(-1);
    return reader.getNextToken() == '}' ? leaveKey() : key();
  }

  /** After a value: the next key (positioned on its value), or null at the end of the object. */
  public String nextKey() throws IOException {
    byte t = reader.getNextToken();
    if (t == ',') {
      reader.getNextToken();
      return key();
    }
    if (t == '}') {
      return leaveKey();
    }
    throw syntax("expected ',' or '}' after a field");
  }

  private String leaveKey() {
    depth--;
    return null;
  }

  private String key() throws IOException {
    if (reader.last() != '"') {
      throw syntax("expected a field name");
    }
    String key = string();
    names[depth] = key;
    if (reader.getNextToken() != ':') {
      throw syntax("expected ':' after a field name");
    }
    reader.getNextToken();
    return key;
  }

  /** Enters the array at the current token; true if it has an element (positioned on it). */
  public boolean firstElement() throws IOException {
    if (reader.last() != '[') {
      throw typeError("an array");
    }
    enter(0);
    if (reader.getNextToken() == ']') {
      depth--;
      return false;
    }
    return true;
  }

  /** After an element: true if another follows (positioned on it), false at the end of the array. */
  public boolean nextElement() throws IOException {
    byte t = reader.getNextToken();
    if (t == ',') {
      reader.getNextToken();
      indexes[depth]++;
      return true;
    }
    if (t == ']') {
      depth--;
      return false;
    }
    throw syntax("expected ',' or ']' after an array element");
  }

  void enter(int index) {
    if (depth == MAX_NESTING_DEPTH) {
      throw new MalformedEventException("the nesting depth exceeds the maximum of " + MAX_NESTING_DEPTH, offset());
    }
    depth++;
    indexes[depth] = index;
    names[depth] = null;
  }

  // ---- skipping ----

  /** Skips the current value, however deep (iteratively, within the nesting limit). */
  public void skip() throws IOException {
    JsonSkipper.skip(this);
  }

  /** The raw bytes of the current value, which is skipped (for codecs that parse them elsewhere). */
  public byte[] rawValue() throws IOException {
    int start = reader.getCurrentIndex() - 1;
    byte t = reader.last();
    skip();
    // After a number the reader stands on the byte that ended it; after anything else, past it.
    int end = t == '-' || t >= '0' && t <= '9' ? numberEnd : reader.getCurrentIndex();
    return Arrays.copyOfRange(body, start, end);
  }

  // ---- scalars ----

  /** A JSON string, checked to be valid UTF-8. */
  public String string() throws IOException {
    if (reader.last() != '"') {
      throw typeError("a string");
    }
    int start = reader.getCurrentIndex();
    String value = reader.readString();
    int rawLength = reader.getCurrentIndex() - 1 - start;
    // Escapes and multi-byte characters both make the text shorter than its bytes: only then
    // can the bytes be anything but plain ASCII, so only then are they checked.
    if (rawLength != value.length() && !Utf8.isValid(body, start, rawLength)) {
      throw error("a string is not valid UTF-8");
    }
    if (value.length() > MAX_STRING_LENGTH) {
      throw error("a string is longer than " + MAX_STRING_LENGTH + " characters");
    }
    return value;
  }

  /** A JSON {@code true} or {@code false}. */
  public boolean bool() throws IOException {
    byte t = reader.last();
    if (t == 't' && reader.wasTrue()) {
      return true;
    }
    if (t == 'f' && reader.wasFalse()) {
      return false;
    }
    throw typeError("true or false");
  }

  /** A JSON integer in {@code long} range. */
  public long longValue() throws IOException {
    return JsonNumbers.readLong(this);
  }

  /** A JSON integer in {@code int} range. */
  public int intValue() throws IOException {
    long value = longValue();
    if (value != (int) value) {
      throw error(value + " is out of the range of an int");
    }
    return (int) value;
  }

  /** A JSON number as a finite double. */
  public double doubleValue() throws IOException {
    return JsonNumbers.readDouble(this);
  }

  // ---- errors ----

  /** The path of the current value, e.g. {@code data.items[2].amount}. */
  public String path() {
    StringBuilder sb = new StringBuilder(prefix == null ? "" : prefix);
    for (int d = 1; d <= depth; d++) {
      if (indexes[d] >= 0) {
        sb.append('[').append(indexes[d]).append(']');
      } else if (names[d] != null) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(names[d]);
      }
    }
    return sb.toString();
  }

  /** A failure of the current value: its path, what is being read, {@code problem}, the offset. */
  public MalformedEventException error(String problem) {
    return error(problem, null);
  }

  /** {@link #error(String)} with a cause. */
  public MalformedEventException error(String problem, Throwable cause) {
    String path = path();
    String where = subject == null ? path : path + " of event \"" + subject + "\" cannot be decoded";
    return new MalformedEventException(where.isEmpty() ? problem : where + ": " + problem, offset(), cause);
  }

  /** The current value has the wrong JSON type. */
  public MalformedEventException typeError(String expected) {
    return error("expected " + expected + " but found " + JsonNumbers.describe(this));
  }

  /** The input is not JSON here. */
  MalformedEventException syntax(String problem) {
    return new MalformedEventException("not a valid JSON envelope: " + problem, offset());
  }

  /** A failure with its own message at the current token. */
  MalformedEventException fail(String message) {
    return new MalformedEventException(message, offset());
  }

  /** The DSL-JSON failure {@code e} (bad JSON, end of input) as malformed, at the reader's position. */
  MalformedEventException malformed(String what, Exception e) {
    long at = Math.min(base + reader.getCurrentIndex(), base + body.length);
    return new MalformedEventException(what + ": " + e.getMessage(), at, e);
  }
}
