package farm.moonx.events.spi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads JSON bytes for generated codecs and the envelope: a cursor over the message body, as
 * strict as RFC 8259 and TypeScript's {@code JSON.parse}. Field names are matched where they
 * stand against a {@link JsonFields}, never copied or hashed (only one written with escapes is
 * decoded, to be matched by its text); strings ({@link JsonStrings}) and
 * numbers ({@link JsonNumbers}) are read from the bytes; unknown values are skipped without
 * recursion ({@link JsonSkipper}). It tracks the path of the current value
 * ({@code data.items[2].amount}) and the nesting depth, so every error is a
 * {@link MalformedEventException} naming the path and the byte offset, and deep input fails at
 * {@value #MAX_NESTING_DEPTH} levels instead of overflowing the stack. One instance per thread,
 * reused for every message; not thread-safe.
 *
 * <p>The current token is the first byte of the value to read; each {@code read} method
 * consumes exactly one value.
 */
public final class JsonIn {
  /** The nesting depth beyond which input is rejected (the envelope object is depth 1). */
  public static final int MAX_NESTING_DEPTH = 500;
  /** The longest string value accepted, in characters. */
  public static final int MAX_STRING_LENGTH = 5_000_000;
  /** Returned by {@link #firstField}/{@link #nextField} at the end of the object. */
  public static final int END = -1;
  static final int UNKNOWN = -2;

  byte[] body;
  /** The index of the byte after the current token (after a number: the byte that ended it). */
  int pos;
  private byte token;
  /** Decoded characters of strings with escapes or non-ASCII text ({@link JsonStrings}), grown to the longest. */
  char[] chars = new char[64];
  private String prefix;
  private String subject;
  int depth;
  /** The longest number accepted, in characters (as a JSON number or a decimal string). */
  int maxNumberLength = JsonNumbers.MAX_NUMBER_LENGTH;
  private final String[] names = new String[MAX_NESTING_DEPTH + 2];
  final int[] indexes = new int[MAX_NESTING_DEPTH + 2];
  private final int[] lastField = new int[MAX_NESTING_DEPTH + 2];
  private final long[][] seen = new long[MAX_NESTING_DEPTH + 2][];
  private final RecordValues[] values = new RecordValues[MAX_NESTING_DEPTH + 2];
  /**
   * Per slot of {@link #recurring} (one per recurring metadata field: type, version, source), the
   * last plain string read and its bytes; kept by {@link JsonStrings#recurring}.
   */
  final String[] recurring = new String[3];
  final byte[][] recurringBytes = new byte[3][];

  JsonIn() {}

  /**
   * A new reader over {@code json} (a whole JSON document), positioned on its first token;
   * error paths start with {@code path} (e.g. {@code "data"}). For tests and tools: the
   * runtime reuses one reader per thread.
   *
   * @throws IOException if {@code json} is empty or whitespace only
   */
  public static JsonIn of(byte[] json, String path) throws IOException {
    JsonIn in = new JsonIn();
    in.start(json, 0, path);
    in.next();
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

  /** Starts reading {@code json} at index {@code from}, before its first token. */
  void start(byte[] json, int from, String prefix) {
    this.body = json;
    this.pos = from;
    this.token = 0;
    this.prefix = prefix;
    this.subject = null;
    this.depth = 0;
  }

  /** Moves to the next token, past JSON whitespace, and returns it. */
  byte next() {
    byte[] b = body;
    int i = pos;
    while (i < b.length) {
      byte c = b[i++];
      // isWhitespace spelled so most bytes are decided by the first compare: measured faster here.
      if (c > ' ' || c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        pos = i;
        token = c;
        return c;
      }
    }
    pos = b.length;
    throw syntax("unexpected end of the input");
  }

  /** True if only JSON whitespace is left after the current token. */
  boolean atEnd() {
    for (int i = pos; i < body.length; i++) {
      if (!isWhitespace(body[i])) {
        return false;
      }
    }
    return true;
  }

  /** One of the four bytes JSON allows between tokens (no vertical tab, form feed or Unicode space). */
  private static boolean isWhitespace(byte c) {
    return c <= ' ' && (c == ' ' || c == '\n' || c == '\r' || c == '\t');
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
    return token;
  }

  /** The byte offset of the current token in the message body. */
  public long offset() {
    return Math.max(pos - 1, 0);
  }

  /** True (and the null consumed) if the current value is {@code null}. */
  public boolean isNull() throws IOException {
    if (token == 'n') {
      literal(NULL);
      return true;
    }
    return false;
  }

  private static final byte[] NULL = {'n', 'u', 'l', 'l'};
  private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
  private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};

  /** Consumes the literal whose first byte is the current token, or fails naming it. */
  void literal(byte[] word) {
    byte[] b = body;
    int at = pos - 1;
    if (at + word.length > b.length || !Arrays.equals(b, at, at + word.length, word, 0, word.length)) {
      throw syntax("expected " + new String(word, StandardCharsets.US_ASCII));
    }
    pos = at + word.length;
  }

  /** Consumes a literal at the current token, whichever it is; false if the token starts none. */
  boolean anyLiteral() {
    switch (token) {
      case 'n' -> literal(NULL);
      case 't' -> literal(TRUE);
      case 'f' -> literal(FALSE);
      default -> {
        return false;
      }
    }
    return true;
  }

  // ---- objects with known fields ----

  /**
   * Enters the object at the current token and returns the index of its first field with a
   * non-null value (positioned on that value), or {@link #END}. Unknown fields and nulls are
   * skipped; the next field comes from {@link #nextField}. At the end, a required field not
   * read fails, naming it.
   */
  public int firstField(JsonFields fields) throws IOException {
    if (token != '{') {
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
    return next() == '}' ? finish(fields) : field(fields, true);
  }

  /** After a field's value: the index of the next field with a value, or {@link #END}. */
  public int nextField(JsonFields fields) throws IOException {
    byte t = next();
    if (t == ',') {
      next();
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
    return next() == '}' ? leave() : field(fields, false);
  }

  /** Like {@link #nextField} for the envelope. */
  int nextKey(JsonFields fields) throws IOException {
    byte t = next();
    if (t == ',') {
      next();
      return field(fields, false);
    }
    if (t == '}') {
      return leave();
    }
    throw syntax("expected ',' or '}' after a field");
  }

  private int field(JsonFields fields, boolean valuesOnly) throws IOException {
    while (true) {
      if (token != '"') {
        throw syntax("expected a field name");
      }
      int index = fields.find(lastField[depth] + 1, body, pos);
      if (index >= 0) {
        pos += fields.nameLength(index) + 1;
        names[depth] = fields.name(index);
      } else {
        names[depth] = null; // an error in the name is the object's
        index = unlisted(fields);
      }
      colon();
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
      byte t = next();
      if (t == '}') {
        return finish(fields);
      }
      if (t != ',') {
        throw syntax("expected ',' or '}' after a field");
      }
      next();
    }
  }

  /**
   * Moves past a field name that is none of {@code fields} as written. Written with escapes or
   * non-ASCII text, it may still be one of them once decoded ({@code "event\u0049d"} is
   * {@code eventId}, as {@code JSON.parse} reads it): that field's index, or -1.
   */
  private int unlisted(JsonFields fields) {
    int start = pos;
    if (JsonStrings.skip(this)) {
      return -1;
    }
    pos = start;
    int index = fields.indexOf(JsonStrings.read(this));
    if (index >= 0) {
      names[depth] = fields.name(index);
    }
    return index;
  }

  /** After a field name: its colon, then the value's first byte as the current token. */
  private void colon() {
    if (next() != ':') {
      throw syntax("expected ':' after a field name");
    }
    next();
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
    if (token != '{') {
      throw typeError("an object");
    }
    enter(-1);
    return next() == '}' ? leaveKey() : key();
  }

  /** After a value: the next key (positioned on its value), or null at the end of the object. */
  public String nextKey() throws IOException {
    byte t = next();
    if (t == ',') {
      next();
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
    if (token != '"') {
      throw syntax("expected a field name");
    }
    String key = string();
    names[depth] = key;
    colon();
    return key;
  }

  /** Enters the array at the current token; true if it has an element (positioned on it). */
  public boolean firstElement() throws IOException {
    if (token != '[') {
      throw typeError("an array");
    }
    enter(0);
    if (next() == ']') {
      depth--;
      return false;
    }
    return true;
  }

  /** After an element: true if another follows (positioned on it), false at the end of the array. */
  public boolean nextElement() throws IOException {
    byte t = next();
    if (t == ',') {
      next();
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
    int start = pos - 1;
    skip();
    return Arrays.copyOfRange(body, start, pos);
  }

  // ---- scalars ----

  /** A JSON string, checked to be valid UTF-8. */
  public String string() throws IOException {
    if (token != '"') {
      throw typeError("a string");
    }
    return JsonStrings.read(this);
  }

  /**
   * Like {@link #string}, for a value that recurs from message to message (an event's type,
   * version and source): spelled as the last plain string read through {@code slot}, it is that
   * same {@code String}, neither copied nor checked again, its hash code already computed for
   * the registry's lookup (see {@link JsonStrings#recurring}).
   */
  String recurring(int slot) throws IOException {
    if (token != '"') {
      throw typeError("a string");
    }
    return JsonStrings.recurring(this, slot);
  }

  /**
   * If the current value is a string spelled exactly as one of {@code names} (no escapes), moves
   * past it and returns that name's index; otherwise returns -1 and stays put, for the caller to
   * read the value another way. Enumerated values are matched so, without a {@code String}.
   */
  int oneOf(JsonFields names) {
    if (token != '"') {
      return -1;
    }
    int index = names.find(0, body, pos);
    if (index >= 0) {
      pos += names.nameLength(index) + 1;
    }
    return index;
  }

  /** Moves past the string at the current token, checked but not decoded (field names, skipped values). */
  void skipString() {
    JsonStrings.skip(this);
  }

  /** A JSON {@code true} or {@code false}. */
  public boolean bool() throws IOException {
    if (token == 't') {
      literal(TRUE);
      return true;
    }
    if (token == 'f') {
      literal(FALSE);
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

  /** An unexpected failure {@code e} as malformed, at the reader's position. */
  MalformedEventException malformed(String what, Exception e) {
    return new MalformedEventException(what + ": " + e, Math.min(pos, body.length), e);
  }
}
