package farm.moonx.events.spi;

import static farm.moonx.events.TestEvents.PAYMENT_PROCESSED;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import farm.moonx.events.EventEnvelope;
import farm.moonx.events.EventRegistry;
import farm.moonx.events.PaymentProcessed;
import farm.moonx.events.WireFixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Mutated envelopes, seeded and bounded: every outcome is a decoded envelope, a
 * {@link MalformedEventException} or (for a well-formed body whose type a mutation changed) an
 * {@link UnknownEventTypeException}; never another exception, a hang or an OOM. Then the
 * hostile inputs the issue names, each with the outcome a consumer relies on.
 */
class JsonEventSerializerFuzzTest {
  private static final JsonEventSerializer CODEC = JsonEventSerializer.shared();
  private static final EventRegistry REGISTRY = EventRegistry.of(PAYMENT_PROCESSED);
  private static final int MUTANTS = 30_000;
  private static final JsonFactory JSON = new JsonFactory();
  private static final String META = "{\"eventId\":\"e-1\",\"eventType\":\"payment.processed\",\"eventVersion\":\"1.0\","
      + "\"timestamp\":1732700000000,\"source\":\"payments\",\"context\":{\"a\":[1,2.5,-3e2,true,null,{\"b\":\"ü€😀\"}]}}";
  private static final String DATA = "{\"paymentId\":\"p-1\",\"userId\":\"u\\\"1\\\\\",\"amount\":\"12.50\",\"processedAt\":1732700000000}";
  private static final byte[][] INSERTS = {
      {(byte) 0xc0, (byte) 0x80}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, {(byte) 0xff}, {(byte) 0x80},
      {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xe2, (byte) 0x82},
      bytes("\\ud800"), bytes("\\udc00\\ud800"), bytes("\\u12"), bytes("\\x"), bytes("\""), bytes("\\"),
      bytes("{"), bytes("["), bytes("}"), bytes("]"), bytes(","), bytes(":"), bytes("null"), bytes("nul"),
      bytes("1".repeat(1_200)), bytes("-"), bytes("1e400"), bytes("0.5e-"), bytes("01"), bytes("[".repeat(600)),
      bytes("\"eventType\":\"payment.processed\","), bytes("\"amount\":\"1\","), bytes("\"data\":{},"), bytes("\t\n "),
      {0x01}, {0x0b}, bytes("\\q"), bytes("\\u00zz")};

  @Test
  void everyMutantDecodesOrIsMalformed() {
    List<byte[]> seeds = List.of(
        bytes("{\"metadata\":" + META + ",\"data\":" + DATA + "}"),
        bytes("{\"data\":" + DATA + ",\"x\":[{}],\"metadata\":" + META + "}"),
        WireFixtures.bytes("all-fields.json"), WireFixtures.bytes("nested-context.json"));
    Random random = new Random(20261130L);
    int[] outcomes = new int[3];
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      for (int i = 0; i < MUTANTS; i++) {
        byte[] mutant = mutate(seeds.get(random.nextInt(seeds.size())), random);
        int decoded = outcome(catchThrowable(() -> CODEC.deserialize(mutant, REGISTRY)), mutant);
        if (decoded == 0) {
          // jackson-core's strict defaults reject what JSON.parse rejects, so a body it refuses
          // and we decode is one the TypeScript services would reject while we handle it.
          // It is more lenient where we are stricter (several root values, deep nesting), and
          // stricter in one place: a lone surrogate escape in a field name, which JSON.parse reads.
          String error = jsonError(mutant);
          if (error == null || !(error.contains("surrogate") && error.contains("in field name"))) {
            assertThat(error).as("decoded, but not JSON: %s", preview(mutant)).isNull();
          }
        }
        outcomes[decoded]++;
        outcome(catchThrowable(() -> CODEC.routing(mutant)), mutant);
      }
    });
    // Not a degenerate fuzz: plenty of both outcomes.
    assertThat(outcomes[0]).as("decoded").isGreaterThan(MUTANTS / 20);
    assertThat(outcomes[1]).as("malformed").isGreaterThan(MUTANTS / 4);
  }

  /** 0 decoded (or routed), 1 malformed, 2 unknown type; anything else fails the test. */
  private static int outcome(Throwable failure, byte[] mutant) {
    if (failure == null) {
      return 0;
    }
    if (failure instanceof UnknownEventTypeException) {
      return 2;
    }
    assertThat(failure).as("mutant %s", preview(mutant)).isExactlyInstanceOf(MalformedEventException.class);
    assertThat(((MalformedEventException) failure).byteOffset()).isBetween(0L, (long) mutant.length);
    return 1;
  }

  @Test
  void invalidUtf8InAStringIsMalformed() {
    for (byte[] bad : Arrays.copyOfRange(INSERTS, 0, 6)) {
      byte[] body = concat(bytes("{\"metadata\":" + META + ",\"data\":{\"paymentId\":\"p"), bad,
          bytes("\",\"amount\":\"1\"}}"));
      // DSL-JSON rejects what it cannot decode; the rest (overlong forms, surrogates, beyond
      // U+10FFFF) it decodes leniently and the reader's own check rejects, naming the field.
      assertThat(malformed(body).getMessage()).containsAnyOf(
          "data.paymentId of event \"payment.processed\" cannot be decoded: a string is not valid UTF-8",
          "not a valid JSON envelope: Invalid unicode character detected");
    }
  }

  /** Jackson's reason for refusing {@code body} as JSON, or null if every token of it reads. */
  private static String jsonError(byte[] body) {
    try (JsonParser parser = JSON.createParser(body)) {
      for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
        if (t == JsonToken.VALUE_STRING) {
          parser.getText(); // strings are decoded (and checked) lazily
        }
      }
      return null;
    } catch (IOException e) {
      return e.getMessage();
    }
  }

  /**
   * Any printable character written as a {@code \\u} escape instead: inside a string (a name or
   * a value) the body means the same, as to {@code JSON.parse}, so it decodes to the same
   * envelope; anywhere else it is not JSON and is malformed.
   */
  @Test
  void escapingAnyCharacterOfAStringChangesNothing() {
    for (String fixture : List.of("all-fields.json", "nested-context.json", "metadata-after-data.json")) {
      byte[] seed = WireFixtures.bytes(fixture);
      EventEnvelope<?> expected = CODEC.deserialize(seed, REGISTRY);
      int inStrings = 0;
      for (int i = 0; i < seed.length; i++) {
        byte b = seed[i];
        if (b < 0x20 || b > 0x7e || b == '"' || b == '\\') {
          continue;
        }
        byte[] mutant = concat(Arrays.copyOf(seed, i), bytes(String.format("\\u%04x", (int) b)),
            Arrays.copyOfRange(seed, i + 1, seed.length));
        if (jsonError(mutant) == null) {
          inStrings++;
          assertThat(CODEC.deserialize(mutant, REGISTRY)).as("%s with byte %d escaped", fixture, i).isEqualTo(expected);
        } else {
          malformed(mutant);
        }
      }
      assertThat(inStrings).as("escapes inside strings of %s", fixture).isGreaterThan(100);
    }
  }

  @Test
  void invalidUtf8InASkippedStringIsMalformed() {
    for (byte[] bad : Arrays.copyOfRange(INSERTS, 0, 6)) {
      byte[] unknownValue = concat(bytes("{\"metadata\":" + META + ",\"data\":{\"paymentId\":\"p\",\"note\":\"n"), bad,
          bytes("\",\"amount\":\"1\"}}"));
      assertThat(malformed(unknownValue).getMessage()).contains("a string is not valid UTF-8");
      byte[] unknownName = concat(bytes("{\"metadata\":" + META + ",\"data\":{\"paymentId\":\"p\",\"n"), bad,
          bytes("\":1,\"amount\":\"1\"}}"));
      assertThat(malformed(unknownName).getMessage()).contains("a string is not valid UTF-8");
    }
  }

  @Test
  void loneSurrogateEscapesDecodeAsJacksonDoes() {
    EventEnvelope<?> e = CODEC.deserialize(bytes("{\"metadata\":" + META + ",\"data\":{\"paymentId\":\"p\\ud800\","
        + "\"amount\":\"1\"}}"), REGISTRY);
    assertThat(((PaymentProcessed) e.data()).paymentId()).isEqualTo("p\ud800");
  }

  @Test
  void duplicateKeysLastOneWins() {
    EventEnvelope<?> e = CODEC.deserialize(bytes("{\"metadata\":" + META + ",\"data\":{\"paymentId\":\"p-1\","
        + "\"amount\":\"1\",\"paymentId\":\"p-2\"}}"), REGISTRY);
    assertThat(((PaymentProcessed) e.data()).paymentId()).isEqualTo("p-2");
  }

  @Test
  void overlongNumbersAreMalformedNamingTheField() {
    String digits = "1".repeat(1_001);
    assertThat(malformed(bytes("{\"metadata\":" + META + ",\"data\":{\"paymentId\":\"p\",\"amount\":\"" + digits + "\"}}")))
        .hasMessageContaining("data.amount of event \"payment.processed\"").hasMessageContaining("longer than 1000");
    assertThat(malformed(bytes("{\"metadata\":" + META.replace("1732700000000", digits) + ",\"data\":" + DATA + "}")))
        .hasMessageContaining("metadata.timestamp: a number is longer than 1000 characters");
    // A million digits is rejected at once, not parsed in quadratic time.
    String million = "7".repeat(1_000_000);
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> malformed(
        bytes("{\"metadata\":" + META + ",\"data\":{\"paymentId\":\"p\",\"amount\":\"" + million + "\"}}")));
    // 1000 digits are still a number.
    String thousand = "1".repeat(1_000);
    EventEnvelope<?> e = CODEC.deserialize(
        bytes("{\"metadata\":" + META + ",\"data\":{\"paymentId\":\"p\",\"amount\":\"" + thousand + "\"}}"), REGISTRY);
    assertThat(((PaymentProcessed) e.data()).amount()).isEqualTo(new BigDecimal(thousand));
  }

  @Test
  @SuppressWarnings("unchecked")
  void contextNumbersReadAsJacksonReadsThem() {
    EventEnvelope<?> e = CODEC.deserialize(bytes("{\"metadata\":" + META.replace("\"context\":{", "\"context\":{\"big\":"
        + "123456789012345678901234567890,\"long\":12345678901,") + ",\"data\":" + DATA + "}"), REGISTRY);
    Map<String, Object> context = e.metadata().context();
    assertThat(context.get("long")).isEqualTo(12345678901L);
    assertThat(context.get("big")).isEqualTo(new java.math.BigInteger("123456789012345678901234567890"));
    assertThat((List<Object>) context.get("a")).containsExactly(1, 2.5, -300.0, true, null, Map.of("b", "ü€😀"));
    assertThat(malformed(bytes("{\"metadata\":" + META.replace("2.5", "1e400") + ",\"data\":" + DATA + "}")))
        .hasMessageContaining("1e400 is out of the range of a double");
  }

  private static byte[] mutate(byte[] seed, Random random) {
    byte[] body = seed;
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits; e++) {
      int at = random.nextInt(body.length + 1);
      switch (random.nextInt(6)) {
        case 0 -> { // flip a byte
          body = body.clone();
          body[Math.min(at, body.length - 1)] = (byte) random.nextInt(256);
        }
        case 1 -> body = concat(Arrays.copyOf(body, at), INSERTS[random.nextInt(INSERTS.length)],
            Arrays.copyOfRange(body, at, body.length));
        case 2 -> { // delete a range
          int end = Math.min(body.length, at + 1 + random.nextInt(8));
          body = concat(Arrays.copyOf(body, at), Arrays.copyOfRange(body, end, body.length));
        }
        case 3 -> body = Arrays.copyOf(body, at); // truncate
        case 4 -> { // duplicate a range (duplicate keys, repeated values)
          int end = Math.min(body.length, at + 1 + random.nextInt(40));
          byte[] range = Arrays.copyOfRange(body, at, end);
          body = concat(Arrays.copyOf(body, end), range, Arrays.copyOfRange(body, end, body.length));
        }
        default -> { // swap two bytes
          body = body.clone();
          int other = random.nextInt(body.length);
          int here = Math.min(at, body.length - 1);
          byte b = body[here];
          body[here] = body[other];
          body[other] = b;
        }
      }
      if (body.length == 0) {
        return body;
      }
    }
    return body;
  }

  private static MalformedEventException malformed(byte[] body) {
    Throwable t = catchThrowable(() -> CODEC.deserialize(body, REGISTRY));
    assertThat(t).as(preview(body)).isExactlyInstanceOf(MalformedEventException.class);
    return (MalformedEventException) t;
  }

  static byte[] bytes(String s) {
    return s.getBytes(UTF_8);
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  private static String preview(byte[] body) {
    return new String(Arrays.copyOf(body, Math.min(body.length, 200)), UTF_8);
  }
}
