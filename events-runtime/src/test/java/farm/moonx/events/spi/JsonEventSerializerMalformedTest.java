package farm.moonx.events.spi;

import static farm.moonx.events.TestEvents.PAYMENT_PROCESSED;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import farm.moonx.events.EventRegistry;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bodies that are not envelopes: always a MalformedEventException saying what and where. */
class JsonEventSerializerMalformedTest {
  private static final JsonEventSerializer CODEC = JsonEventSerializer.shared();
  private static final EventRegistry REGISTRY = EventRegistry.of(PAYMENT_PROCESSED);
  private static final String META = "{\"eventId\":\"e-1\",\"eventType\":\"payment.processed\",\"eventVersion\":\"1.0\","
      + "\"correlationId\":\"c-1\",\"timestamp\":1732700000000,\"source\":\"payments\"}";
  private static final String DATA = "{\"paymentId\":\"p-1\",\"amount\":\"12.50\"}";

  static Stream<Arguments> malformed() {
    String full = "{\"metadata\":" + META + ",\"data\":" + DATA + "}";
    return Stream.of(
        Arguments.of("truncated", full.substring(0, full.length() / 2), "not a valid JSON envelope"),
        Arguments.of("truncated after metadata", "{\"metadata\":" + META, "not a valid JSON envelope"),
        Arguments.of("empty", "", "the body is empty"),
        Arguments.of("whitespace", "  \n ", "must be a JSON object, found only whitespace"),
        Arguments.of("a string", "\"hello\"", "must be a JSON object, found a string"),
        Arguments.of("a number", "42", "must be a JSON object, found an integer"),
        Arguments.of("an array", "[" + full + "]", "must be a JSON object, found an array"),
        Arguments.of("not JSON", "metadata=1&data=2", "not a valid JSON envelope"),
        Arguments.of("no metadata", "{\"data\":" + DATA + "}", "metadata is missing"),
        Arguments.of("no eventType", "{\"metadata\":{\"eventId\":\"e-1\"},\"data\":" + DATA + "}", "metadata.eventType is missing"),
        Arguments.of("null eventType", "{\"metadata\":{\"eventType\":null},\"data\":" + DATA + "}", "metadata.eventType is missing"),
        Arguments.of("no data", "{\"metadata\":" + META + "}", "data is missing"),
        Arguments.of("null data", "{\"metadata\":" + META + ",\"data\":null}", "data must be an object, found null"),
        Arguments.of("data an array", "{\"data\":[1],\"metadata\":" + META + "}", "data must be an object, found an array"),
        Arguments.of("metadata an array", "{\"metadata\":[],\"data\":" + DATA + "}", "metadata must be an object, found an array"),
        Arguments.of("timestamp a string", full.replace("1732700000000", "\"1732700000000\""),
            "metadata.timestamp must be an integer number of epoch milliseconds, found a string (1732700000000)"),
        Arguments.of("timestamp a fraction", full.replace("1732700000000", "1732700000000.5"),
            "metadata.timestamp must be an integer number of epoch milliseconds, found a decimal number"),
        Arguments.of("eventId a number", full.replace("\"e-1\"", "17"), "metadata.eventId must be a string, found an integer"),
        Arguments.of("eventType an object", full.replace("\"payment.processed\"", "{}"), "metadata.eventType must be a string, found an object"),
        Arguments.of("context a string", full.replace("\"source\"", "\"context\":\"eu\",\"source\""), "metadata.context must be an object, found a string"),
        Arguments.of("unknown classification", full.replace("\"source\"", "\"dataClassification\":\"secret\",\"source\""),
            "metadata.dataClassification: unknown data classification \"secret\""),
        Arguments.of("data field of the wrong type", full.replace("\"12.50\"", "12.5"), "data.amount of event \"payment.processed\""),
        Arguments.of("data field wrong type, data first", "{\"data\":{\"amount\":true},\"metadata\":" + META + "}",
            "data.amount of event \"payment.processed\""),
        Arguments.of("required data field missing", full.replace("\"paymentId\":\"p-1\",", ""), "missing required field \"paymentId\""),
        Arguments.of("data value the record rejects", full.replace("\"12.50\"", "\"twelve\""), "data.amount of event \"payment.processed\" cannot be decoded"),
        Arguments.of("trailing garbage", full + " x", "trailing content after the envelope"),
        Arguments.of("a second envelope", full + full, "trailing content after the envelope: an object"),
        Arguments.of("two metadata fields", "{\"metadata\":" + META + ",\"metadata\":" + META + ",\"data\":" + DATA + "}",
            "two metadata fields"),
        Arguments.of("unterminated string", "{\"metadata\":{\"eventType\":\"payment.proc", "not a valid JSON envelope"),
        // Skipped strings (unknown fields' names and values) are checked as read ones are:
        // JSON.parse on the TypeScript side rejects each of these bodies.
        Arguments.of("control character in an unknown field's name", full.replace("\"source\"", "\"no\tte\":1,\"source\""),
            "metadata: a string holds the control character 0x09 unescaped"),
        Arguments.of("invalid escape in an unknown field's name", full.replace("\"source\"", "\"n\\ote\":1,\"source\""),
            "not a valid JSON envelope: invalid escape \\o in a string"),
        Arguments.of("short \\u escape in an unknown field's value", full.replace("\"source\"", "\"note\":[\"\\u12\"],\"source\""),
            "not a valid JSON envelope: a \\u escape needs four hexadecimal digits"),
        Arguments.of("control character in an unknown top-level value", full.replace("}}", "},\"extra\":\"a\u0001b\"}"),
            "a string holds the control character 0x01 unescaped"),
        Arguments.of("invalid escape in data read after metadata", "{\"data\":{\"paymentId\":\"p-1\",\"amount\":\"1\","
            + "\"note\":\"\\x\"},\"metadata\":" + META + "}", "not a valid JSON envelope: invalid escape \\x in a string"),
        Arguments.of("invalid escape in an unknown field before metadata", "{\"x\":\"\\q\",\"metadata\":" + META + ",\"data\":" + DATA + "}",
            "not a valid JSON envelope: invalid escape \\q in a string"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void isMalformedWithMessageAndOffset(String name, String body, String expected) {
    MalformedEventException e = decodeFailure(body.getBytes(UTF_8));
    assertThat(e.getMessage()).contains(expected).containsPattern("\\(at byte \\d+\\)");
    assertThat(e.byteOffset()).isBetween(0L, (long) body.length());
  }

  @Test
  void offsetPointsAtTheOffendingValue() {
    String body = "{\"metadata\":{\"eventType\":\"payment.processed\",\"timestamp\":\"soon\"},\"data\":{}}";
    MalformedEventException e = decodeFailure(body.getBytes(UTF_8));
    assertThat(e.byteOffset()).isEqualTo(body.indexOf("\"soon\""));
  }

  @Test
  void offsetInDataReadAfterMetadataCountsFromTheBodyStart() {
    String body = "{\"data\":{\"paymentId\":\"p\",\"amount\":7},\"metadata\":" + META + "}";
    MalformedEventException e = decodeFailure(body.getBytes(UTF_8));
    // Jackson reports the token's start or end; either way counted from the body, not from data.
    assertThat(e.byteOffset()).isBetween((long) body.indexOf("7}"), (long) body.indexOf("7}") + 1);
  }

  @Test
  void oneMegabyteOfRandomGarbage() {
    Random random = new Random(42);
    for (int i = 0; i < 20; i++) {
      byte[] garbage = new byte[1 << 20];
      random.nextBytes(garbage);
      garbage[0] = (byte) (i % 2 == 0 ? '{' : garbage[0]); // half of them look like an object at first
      assertThat(decodeFailure(garbage).getMessage()).containsPattern("\\(at byte \\d+\\)");
    }
  }

  @Test
  void aMegabyteLongStringValueIsStillReadable() {
    String big = "x".repeat(1 << 20);
    String body = "{\"metadata\":" + META.replace("\"source\"", "\"context\":{\"blob\":\"" + big + "\"},\"source\"")
        + ",\"data\":" + DATA + "}";
    assertThat(CODEC.deserialize(body.getBytes(UTF_8), REGISTRY).metadata().context().get("blob")).isEqualTo(big);
  }

  @Test
  void deeplyNestedInputFailsWithoutStackOverflow() {
    int depth = 100_000;
    String arrays = "[".repeat(depth);
    String objects = "{\"a\":".repeat(depth);
    for (String body : new String[] {
        "{\"x\":" + arrays,
        "{\"metadata\":" + META + ",\"data\":" + DATA + ",\"x\":" + arrays + "}",
        "{\"metadata\":" + META.replace("\"source\"", "\"context\":" + objects + "1,\"source\"") + "}",
        "{\"metadata\":" + META + ",\"data\":{\"nested\":" + arrays + "}}",
        "{\"data\":{\"nested\":" + objects + "}}"}) {
      MalformedEventException e = decodeFailure(body.getBytes(UTF_8));
      assertThat(e.getMessage()).contains("nesting depth").containsPattern("\\(at byte \\d+\\)");
      assertThat(e.byteOffset()).as("where depth 500 was passed, not the end").isBetween(500L, 5_000L);
      // Routing stops once metadata is read, so depth after it is never seen; before it, it fails.
      Throwable routing = assertTimeoutPreemptively(Duration.ofSeconds(10),
          () -> catchThrowable(() -> CODEC.routing(body.getBytes(UTF_8))));
      if (body.startsWith("{\"metadata\":" + META + ",")) {
        assertThat(routing).isNull();
      } else {
        assertThat(routing).isExactlyInstanceOf(MalformedEventException.class);
      }
    }
  }

  @Test
  void unknownTypeIsReportedAfterTheBodyIsFoundWellFormed() {
    String body = "{\"metadata\":" + META.replace("payment.processed", "order.created") + ",\"data\":{\"orderId\":1}}";
    Throwable t = catchThrowable(() -> CODEC.deserialize(body.getBytes(UTF_8), REGISTRY));
    assertThat(t).isExactlyInstanceOf(UnknownEventTypeException.class).hasMessageContaining("\"order.created\"");
    assertThat(((UnknownEventTypeException) t).eventType()).isEqualTo("order.created");

    String alsoBroken = body.replace("\"data\":{\"orderId\":1}}", "\"data\":{\"orderId\":1}");
    assertThat(decodeFailure(alsoBroken.getBytes(UTF_8))).hasMessageContaining("not a valid JSON envelope");
  }

  @Test
  void routingNeverDecodesData() {
    String body = "{\"data\":{\"amount\":[\"not\",\"a\",\"payment\"]},\"metadata\":" + META + "}";
    assertThat(CODEC.routing(body.getBytes(UTF_8))).isEqualTo(new RoutingInfo("payment.processed", "1.0", "e-1"));
    String unknownType = body.replace("payment.processed", "order.created");
    assertThat(CODEC.routing(unknownType.getBytes(UTF_8)).eventType()).isEqualTo("order.created");
  }

  @Test
  void routingReportsMissingMetadataAndEventType() {
    assertThat(routingFailure(("{\"data\":" + DATA + "}").getBytes(UTF_8))).hasMessageContaining("metadata is missing");
    assertThat(routingFailure("{\"metadata\":{\"eventId\":\"e\"}}".getBytes(UTF_8)))
        .hasMessageContaining("metadata.eventType is missing");
    assertThat(routingFailure("[]".getBytes(UTF_8))).hasMessageContaining("must be a JSON object");
  }

  private static MalformedEventException decodeFailure(byte[] body) {
    Throwable t = assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> catchThrowable(() -> CODEC.deserialize(body, REGISTRY)));
    assertThat(t).as("decoding %s", preview(body)).isExactlyInstanceOf(MalformedEventException.class);
    return (MalformedEventException) t;
  }

  private static MalformedEventException routingFailure(byte[] body) {
    Throwable t = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> catchThrowable(() -> CODEC.routing(body)));
    assertThat(t).as("routing %s", preview(body)).isExactlyInstanceOf(MalformedEventException.class);
    return (MalformedEventException) t;
  }

  private static String preview(byte[] body) {
    return new String(Arrays.copyOf(body, Math.min(body.length, 120)), UTF_8);
  }
}
