package farm.moonx.events.spi;

import static java.nio.charset.StandardCharsets.UTF_8;
import static farm.moonx.events.spi.JsonEventSerializerFuzzTest.bytes;
import static farm.moonx.events.spi.JsonEventSerializerFuzzTest.concat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The reader's own cursor against oracles: every string an encoder writes (escaped or raw,
 * ASCII to supplementary, lone surrogates) decodes to itself wherever its special bytes fall
 * in the eight-byte words it is scanned in; raw bytes decode exactly when Java's strict UTF-8
 * decoder accepts them and are malformed otherwise; control characters must be escaped; only
 * the four JSON whitespace bytes separate tokens; numbers and literals end at a delimiter.
 */
class JsonInTest {
  private static final Random RANDOM = new Random(20261201L);

  @Test
  void decodesEveryStringAnEncoderWritesWhereverItsSpecialBytesFall() throws IOException {
    for (int i = 0; i < 20_000; i++) {
      String value = randomString();
      String padding = "x".repeat(RANDOM.nextInt(17)); // shifts the value across word boundaries
      byte[] json = ("[\"" + padding + "\"," + encode(value) + ",1]").getBytes(UTF_8);
      JsonIn in = JsonIn.of(json, "");
      assertThat(in.firstElement()).isTrue();
      assertThat(in.string()).isEqualTo(padding);
      assertThat(in.nextElement()).isTrue();
      assertThat(in.string()).as("decoding %s", new String(json, UTF_8)).isEqualTo(value);
      assertThat(in.nextElement()).isTrue();
      assertThat(in.longValue()).as("what follows the string is read from its right place").isEqualTo(1L);
    }
  }

  @Test
  void rawBytesDecodeExactlyWhenTheyAreValidUtf8AndAreMalformedOtherwise() throws IOException {
    int valid = 0;
    int invalid = 0;
    for (int i = 0; i < 20_000; i++) {
      byte[] raw = randomBytes();
      byte[] json = concat(bytes("{\"k\":\"" + "y".repeat(RANDOM.nextInt(9))), raw, bytes("\"}"));
      String expected = strictUtf8(raw);
      JsonIn in = JsonIn.of(json, "data");
      assertThat(in.firstKey()).isEqualTo("k");
      Throwable failure = catchThrowable(in::string);
      if (expected != null) {
        assertThat(failure).as("%s is valid UTF-8", hex(raw)).isNull();
        valid++;
      } else {
        assertThat(failure).as("%s is not valid UTF-8", hex(raw)).isExactlyInstanceOf(MalformedEventException.class)
            .hasMessageContaining("data.k: a string is not valid UTF-8");
        invalid++;
      }
    }
    assertThat(valid).as("both outcomes are exercised").isGreaterThan(2_000);
    assertThat(invalid).isGreaterThan(2_000);
  }

  @Test
  void aValidRawStringReadsAsJavaDecodesIt() throws IOException {
    for (int i = 0; i < 5_000; i++) {
      byte[] raw = randomBytes();
      String expected = strictUtf8(raw);
      if (expected != null) {
        assertThat(JsonIn.of(concat(bytes("\""), raw, bytes("\"")), "").string()).isEqualTo(expected);
      }
    }
  }

  @Test
  void anUnclosedStringOrEscapeIsMalformedAtEveryLength() {
    for (int n = 0; n < 20; n++) {
      for (String body : new String[] {"\"" + "a".repeat(n), "\"" + "a".repeat(n) + "\\", "\"" + "a".repeat(n) + "\\u12"}) {
        assertThatThrownBy(() -> JsonIn.of(bytes(body), "").string()).as(body)
            .isExactlyInstanceOf(MalformedEventException.class).hasMessageContaining("not a valid JSON envelope");
      }
    }
    assertThatThrownBy(() -> JsonIn.of(bytes("\"a\\x\""), "").string()).hasMessageContaining("invalid escape \\x");
    assertThatThrownBy(() -> JsonIn.of(bytes("\"\\u12g4\""), "").string())
        .hasMessageContaining("\\u escape needs four hexadecimal digits");
  }

  @Test
  void aControlCharacterInAStringMustBeEscapedAsJsonParseRequires() throws IOException {
    for (int n = 0; n < 17; n++) {
      for (char control : new char[] {'\t', '\n', '\u0000', '\u001f'}) {
        String raw = "{\"note\":\"" + "a".repeat(n) + control + "\"}";
        JsonIn in = JsonIn.of(bytes(raw), "data");
        assertThat(in.firstKey()).isEqualTo("note");
        assertThatThrownBy(in::string).isExactlyInstanceOf(MalformedEventException.class)
            .hasMessageContaining("data.note: a string holds the control character 0x" + String.format("%02x", (int) control)
                + " unescaped");
      }
    }
    assertThat(JsonIn.of(bytes("\"a\\tb\""), "").string()).isEqualTo("a\tb");
  }

  @Test
  void onlyTheFourJsonWhitespaceBytesSeparateTokens() throws IOException {
    JsonIn in = JsonIn.of(bytes(" \t\r\n[ \t\r\n1 \t\r\n, \t\r\n2 \t\r\n] \t\r\n"), "");
    assertThat(in.firstElement()).isTrue();
    assertThat(in.longValue()).isEqualTo(1);
    assertThat(in.nextElement()).isTrue();
    assertThat(in.longValue()).isEqualTo(2);
    assertThat(in.nextElement()).isFalse();
    // What DSL-JSON also skipped (vertical tab, form feed, no-break and other Unicode spaces) is no JSON whitespace.
    for (String space : new String[] {"\u000b", "\f", "\u00a0", "\u2028", "\u3000"}) {
      assertThatThrownBy(() -> {
        JsonIn array = JsonIn.of(bytes("[1," + space + "2]"), "");
        array.firstElement();
        array.longValue();
        array.nextElement();
        array.longValue();
      }).as("U+%04X", (int) space.charAt(0)).isExactlyInstanceOf(MalformedEventException.class);
    }
  }

  @Test
  void numbersAndLiteralsEndAtADelimiter() throws IOException {
    for (String bad : new String[] {"01", "1.5.2", "12ab", "-", "1e", "1.", "--1", "0x10", "1e5.5", "-.5"}) {
      assertThatThrownBy(() -> JsonIn.of(bytes("[" + bad + "]"), "").value()).as(bad)
          .isExactlyInstanceOf(MalformedEventException.class).hasMessageContaining("not a valid number");
    }
    assertThatThrownBy(() -> JsonIn.of(bytes("[+1]"), "").value())
        .hasMessageContaining("[0]: expected a number but found an unexpected character '+'");
    for (String bad : new String[] {"nul", "nulll", "tru", "fals", "True", "NULL"}) {
      assertThatThrownBy(() -> JsonIn.of(bytes("[" + bad + "]"), "").value()).as(bad)
          .isExactlyInstanceOf(MalformedEventException.class);
    }
    assertThat(JsonIn.of(bytes("[null,true,false,-0.5e+2,0]"), "").value())
        .isEqualTo(java.util.Arrays.asList(null, true, false, -50.0, 0));
    assertThat(JsonIn.of(bytes("null"), "").isNull()).as("a literal may end the input").isTrue();
  }

  @Test
  void oneOfTakesOnlyAStringSpelledExactlyAsANameAndOtherwiseStaysPut() throws IOException {
    JsonFields names = JsonFields.of("public?", "internal?");
    for (String other : new String[] {"\"Public\"", "\"publicx\"", "\"pub\"", "\"publ\\u0069c\"", "7", "null"}) {
      JsonIn in = JsonIn.of(bytes("[" + other + "]"), "");
      in.firstElement();
      assertThat(in.oneOf(names)).as(other).isEqualTo(-1);
      assertThat(in.value()).as("still on %s", other).isEqualTo(JsonIn.of(bytes(other), "").value());
    }
    JsonIn in = JsonIn.of(bytes("[\"internal\",\"public\"]"), "");
    in.firstElement();
    assertThat(in.oneOf(names)).isEqualTo(1);
    assertThat(in.nextElement()).isTrue();
    assertThat(in.oneOf(names)).isEqualTo(0);
    assertThat(in.nextElement()).isFalse();
  }

  @Test
  void anEscapedFieldNameIsTheFieldItSpells() throws IOException {
    // As JSON.parse and Jackson read it: "payment\u0049d" is paymentId, "no\u0074e!" no field.
    JsonFields fields = JsonFields.of("paymentId?", "note?");
    JsonIn in = JsonIn.of(bytes("{\"payment\\u0049d\":\"x\",\"no\\u0074e!\":1,\"note\":\"n\"}"), "data");
    assertThat(in.firstField(fields)).isEqualTo(0);
    assertThat(in.string()).isEqualTo("x");
    assertThat(in.nextField(fields)).isEqualTo(1);
    assertThat(in.string()).isEqualTo("n");
    assertThat(in.nextField(fields)).isEqualTo(JsonIn.END);
  }

  // ---- generators and oracles ----

  private static String randomString() {
    StringBuilder sb = new StringBuilder();
    int length = RANDOM.nextInt(40);
    for (int i = 0; i < length; i++) {
      switch (RANDOM.nextInt(8)) {
        case 0 -> sb.append((char) RANDOM.nextInt(0x20)); // control characters
        case 1 -> sb.append("\"\\/".charAt(RANDOM.nextInt(3)));
        case 2 -> sb.append((char) (0x80 + RANDOM.nextInt(0x780))); // two UTF-8 bytes
        case 3 -> sb.append((char) (0x800 + RANDOM.nextInt(0xd000))); // three
        case 4 -> sb.appendCodePoint(0x10000 + RANDOM.nextInt(0x100000)); // four: a surrogate pair
        case 5 -> sb.append((char) (0xd800 + RANDOM.nextInt(0x800))); // a lone surrogate (escaped only)
        default -> sb.append((char) (0x20 + RANDOM.nextInt(0x5f))); // printable ASCII
      }
    }
    return sb.toString();
  }

  /** As JSON: quotes, backslashes, controls and lone surrogates escaped; the rest escaped or raw at random. */
  private static String encode(String value) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < value.length(); ) {
      int cp = value.codePointAt(i);
      int next = i + Character.charCount(cp);
      if (cp == '"' || cp == '\\') {
        sb.append('\\').append((char) cp);
      } else if (cp < 0x20 || Character.isSurrogate((char) cp) || RANDOM.nextInt(5) == 0) {
        String shortForm = switch (cp) {
          case '\b' -> "\\b";
          case '\f' -> "\\f";
          case '\n' -> "\\n";
          case '\r' -> "\\r";
          case '\t' -> "\\t";
          case '/' -> "\\/";
          default -> null;
        };
        if (shortForm != null && RANDOM.nextBoolean()) {
          sb.append(shortForm);
        } else {
          for (int k = i; k < next; k++) { // a pair as two escapes
            sb.append(String.format("\\u%04x", (int) value.charAt(k)));
          }
        }
      } else {
        sb.appendCodePoint(cp);
      }
      i = next;
    }
    return sb.append('"').toString();
  }

  /** Bytes without a quote or backslash: UTF-8 of random code points, in half of them one broken sequence. */
  private static byte[] randomBytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int units = 1 + RANDOM.nextInt(6);
    int broken = RANDOM.nextBoolean() ? RANDOM.nextInt(units) : -1;
    for (int u = 0; u < units; u++) {
      if (u == broken) {
        byte[][] bad = {{(byte) (0x80 + RANDOM.nextInt(0x40))}, {(byte) 0xc0, (byte) 0xaf}, {(byte) 0xc1, (byte) 0xbf},
            {(byte) 0xe0, (byte) 0x80, (byte) 0xaf}, {(byte) 0xed, (byte) (0xa0 + RANDOM.nextInt(0x20)), (byte) 0x80},
            {(byte) 0xf4, (byte) (0x90 + RANDOM.nextInt(0x30)), (byte) 0x80, (byte) 0x80}, {(byte) (0xf5 + RANDOM.nextInt(11))},
            {(byte) 0xe2, (byte) 0x82}, {(byte) 0xf0, (byte) 0x9f, (byte) 0x98}, {(byte) 0xc3, 'a'}};
        out.writeBytes(bad[RANDOM.nextInt(bad.length)]);
      } else {
        int cp = switch (RANDOM.nextInt(4)) {
          case 0 -> 'a' + RANDOM.nextInt(26);
          case 1 -> 0x80 + RANDOM.nextInt(0x780);
          case 2 -> RANDOM.nextBoolean() ? 0x800 + RANDOM.nextInt(0xd000) : 0xe000 + RANDOM.nextInt(0x2000);
          default -> 0x10000 + RANDOM.nextInt(0x100000);
        };
        out.writeBytes(new String(Character.toChars(cp)).getBytes(UTF_8));
      }
    }
    return out.toByteArray();
  }

  /** The text of {@code raw} if it is well-formed UTF-8 (RFC 3629), else null. */
  private static String strictUtf8(byte[] raw) {
    try {
      return UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static String hex(byte[] raw) {
    StringBuilder sb = new StringBuilder();
    for (byte b : raw) {
      sb.append(String.format("%02x ", b));
    }
    return sb.toString().trim();
  }
}
