package farm.moonx.events.spi;

import static farm.moonx.events.TestEvents.PAYMENT_PROCESSED;
import static farm.moonx.events.WireFixtures.bytes;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import farm.moonx.events.EventDescriptor;
import farm.moonx.events.EventEnvelope;
import farm.moonx.events.EventMetadata;
import farm.moonx.events.EventRegistry;
import farm.moonx.events.PaymentProcessed;
import farm.moonx.events.TestEvents;
import farm.moonx.events.WireFixtures;
import farm.moonx.events.annotations.DataClassification;
import farm.moonx.events.internal.FrozenMap;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Envelopes as the TypeScript services write them: decoded field by field, re-encoded as expected. */
class JsonEventSerializerWireTest {
  private static final JsonEventSerializer CODEC = JsonEventSerializer.shared();
  private static final EventRegistry STREAMING = EventRegistry.of(PAYMENT_PROCESSED);
  private static final EventDescriptor<PaymentProcessed> DATABIND_DESCRIPTOR =
      TestEvents.paymentProcessed(JacksonDatabindCodec.of(PaymentProcessed.class));
  private static final EventRegistry DATABIND = EventRegistry.of(DATABIND_DESCRIPTOR);

  static Stream<Arguments> fixturesAndCodecs() {
    List<Arguments> all = new ArrayList<>();
    for (String f : List.of("all-fields.json", "required-only.json", "unknown-fields.json",
        "null-optionals.json", "nested-context.json", "metadata-after-data.json")) {
      all.add(Arguments.of(f, "streaming"));
      all.add(Arguments.of(f, "databind"));
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} via {1} codec")
  @MethodSource("fixturesAndCodecs")
  void decodedFixtureReencodesToTheExpectedJson(String fixture, String codec) {
    EventRegistry registry = codec.equals("streaming") ? STREAMING : DATABIND;
    EventDescriptor<PaymentProcessed> descriptor = codec.equals("streaming") ? PAYMENT_PROCESSED : DATABIND_DESCRIPTOR;

    EventEnvelope<PaymentProcessed> decoded = descriptor.castEnvelope(CODEC.deserialize(bytes(fixture), registry));
    byte[] encoded = CODEC.serialize(decoded, descriptor);

    assertThat(WireFixtures.tree(encoded)).isEqualTo(WireFixtures.expectedTree(fixture));
    assertThat(CODEC.routing(encoded)).isEqualTo(
        new RoutingInfo("payment.processed", decoded.metadata().eventVersion(), decoded.eventId()));
  }

  @Test
  void allFieldsAreDecodedAndWrittenInTheDesignOrder() {
    EventEnvelope<?> e = CODEC.deserialize(bytes("all-fields.json"), STREAMING);
    EventMetadata m = e.metadata();
    assertThat(m.eventId()).isEqualTo("01936f1e-8c00-7a3b-9c41-2f5e6d7a8b90");
    assertThat(m.eventType()).isEqualTo("payment.processed");
    assertThat(m.eventVersion()).isEqualTo("1.0");
    assertThat(m.correlationId()).isEqualTo("01936f1e-8b00-7c11-8d22-3e4f5a6b7c8d");
    assertThat(m.causationId()).isEqualTo("01936f1e-8a00-7e55-a066-778899aabbcc");
    assertThat(m.timestamp()).isEqualTo(1732700000000L);
    assertThat(m.source()).isEqualTo("payments");
    assertThat(m.userId()).isEqualTo("u-1");
    assertThat(m.sessionId()).isEqualTo("s-1");
    assertThat(m.tenantId()).isEqualTo("t-1");
    assertThat(m.dataClassification()).isEqualTo(DataClassification.CONFIDENTIAL);
    assertThat(m.partition()).isEqualTo("u-1");
    assertThat(m.context()).containsExactly(Map.entry("region", "eu"));
    assertThat(e.data()).isEqualTo(TestEvents.PAYMENT);

    // Byte-for-byte: field order, number timestamp, lowercase classification, no whitespace.
    byte[] encoded = CODEC.serialize(PAYMENT_PROCESSED.castEnvelope(e), PAYMENT_PROCESSED);
    assertThat(new String(encoded, UTF_8)).isEqualTo(new String(bytes("all-fields.json"), UTF_8).strip());
  }

  @Test
  void requiredOnlyLeavesEveryOptionalFieldNull() {
    EventEnvelope<?> e = CODEC.deserialize(bytes("required-only.json"), STREAMING);
    EventMetadata m = e.metadata();
    assertThat(m.eventId()).isEqualTo("01936f1e-8c00-7a3b-9c41-2f5e6d7a8b90");
    assertThat(m.eventType()).isEqualTo("payment.processed");
    assertThat(m.eventVersion()).isEqualTo("1.0");
    assertThat(m.correlationId()).isEqualTo("01936f1e-8b00-7c11-8d22-3e4f5a6b7c8d");
    assertThat(m.timestamp()).isEqualTo(1732700000000L);
    assertThat(m.source()).isEqualTo("payments");
    assertThat(m.causationId()).isNull();
    assertThat(m.userId()).isNull();
    assertThat(m.sessionId()).isNull();
    assertThat(m.tenantId()).isNull();
    assertThat(m.dataClassification()).isNull();
    assertThat(m.partition()).isNull();
    assertThat(m.context()).isNull();
    assertThat(e.data()).isEqualTo(new PaymentProcessed("p-1", null, new BigDecimal("12.50"), null, null));
  }

  @Test
  void nullOptionalsReadAsAbsent() {
    EventEnvelope<?> withNulls = CODEC.deserialize(bytes("null-optionals.json"), STREAMING);
    EventEnvelope<?> without = CODEC.deserialize(bytes("required-only.json"), STREAMING);
    assertThat(withNulls).isEqualTo(without);
  }

  @Test
  void unknownFieldsAreIgnoredAtEveryLevel() {
    EventEnvelope<?> e = CODEC.deserialize(bytes("unknown-fields.json"), STREAMING);
    assertThat(e.metadata().eventVersion()).isEqualTo("1.1");
    assertThat(e.metadata().correlationId()).isEqualTo("01936f1e-8b00-7c11-8d22-3e4f5a6b7c8d");
    assertThat(e.metadata().source()).isEqualTo("payments");
    assertThat(e.metadata().timestamp()).isEqualTo(1732700000000L);
    assertThat(e.metadata().context()).containsEntry("region", "eu")
        .containsEntry("future", Map.of("x", Arrays.asList(null, 1.5)));
    assertThat(e.data()).isEqualTo(new PaymentProcessed("p-1", null, new BigDecimal("12.50"), "EUR", null));
  }

  @Test
  @SuppressWarnings("unchecked") // context objects are Map<String, Object>
  void nestedContextKeepsMapsListsNumbersBooleansAndNulls() {
    EventEnvelope<?> e = CODEC.deserialize(bytes("nested-context.json"), STREAMING);
    EventMetadata m = e.metadata();
    assertThat(m.eventVersion()).isEqualTo("1.0.2");
    assertThat(m.tenantId()).isEqualTo("t-9");
    assertThat(m.dataClassification()).isEqualTo(DataClassification.RESTRICTED);
    Map<String, Object> c = m.context();
    assertThat(c).containsKeys("region", "attempt", "ratio", "big", "flags", "path", "empty", "none");
    assertThat(c.get("attempt")).isEqualTo(3);
    assertThat(c.get("ratio")).isEqualTo(0.25);
    assertThat(c.get("big")).isEqualTo(12345678901234L);
    assertThat(c.get("flags")).isEqualTo(Map.of("beta", true, "legacy", false));
    List<?> path = (List<?>) c.get("path");
    assertThat(path.get(0)).isEqualTo("checkout");
    Map<?, ?> step = (Map<?, ?>) path.get(1);
    assertThat(step.get("step")).isEqualTo(2);
    assertThat(step.containsKey("skipped")).isTrue();
    assertThat(step.get("skipped")).isNull();
    assertThat(c.get("empty")).isEqualTo(Map.of());
    assertThat(c.get("none")).isEqualTo(List.of());
    assertThatThrownBy(() -> ((Map<String, Object>) c.get("flags")).put("beta", false))
        .as("nested context is read-only, like the top level").isInstanceOf(UnsupportedOperationException.class);
    assertThat(e.data()).isEqualTo(new PaymentProcessed("p-1", null, new BigDecimal("0.01"), null, null));
  }

  @Test
  void escapedFieldNamesAreTheFieldsTheySpell() {
    // JSON.parse and Jackson read "event\u0049d" as eventId; so must we, at every level.
    String plain = new String(bytes("all-fields.json"), UTF_8);
    String escaped = plain.replace("\"eventId\"", "\"event\\u0049d\"")
        .replace("\"data\"", "\"d\\u0061ta\"")
        .replace("\"paymentId\"", "\"\\u0070aymentId\"")
        .replace("\"dataClassification\"", "\"dataClassification\\u0020\"") // another name: unknown
        .replace("\"region\"", "\"re\\u0067ion\"");
    assertThat(escaped).contains("event\\u0049d", "d\\u0061ta", "\\u0070aymentId", "re\\u0067ion");
    EventEnvelope<?> decoded = CODEC.deserialize(escaped.getBytes(UTF_8), STREAMING);
    EventEnvelope<?> expected = CODEC.deserialize(plain.getBytes(UTF_8), STREAMING);
    assertThat(decoded.metadata().dataClassification()).isNull();
    assertThat(decoded).isEqualTo(new EventEnvelope<>(
        expected.metadata().toBuilder().dataClassification(null).build(), expected.data()));
  }

  @Test
  void metadataAfterDataIsReadFully() {
    EventEnvelope<?> e = CODEC.deserialize(bytes("metadata-after-data.json"), STREAMING);
    EventMetadata m = e.metadata();
    assertThat(m.eventId()).isEqualTo("e-1");
    assertThat(m.eventType()).isEqualTo("payment.processed");
    assertThat(m.eventVersion()).isEqualTo("1.0");
    assertThat(m.correlationId()).isEqualTo("c-1");
    assertThat(m.timestamp()).isEqualTo(1732700000123L);
    assertThat(m.source()).isEqualTo("payments");
    assertThat(m.dataClassification()).isEqualTo(DataClassification.PUBLIC);
    assertThat(e.data()).isEqualTo(new PaymentProcessed("p-7", null, new BigDecimal("99.99"), "GBP", null));
    assertThat(CODEC.routing(bytes("metadata-after-data.json"))).isEqualTo(new RoutingInfo("payment.processed", "1.0", "e-1"));
  }

  @Test
  void databindFallbackWritesInstantsAsEpochMillis() {
    byte[] encoded = CODEC.serialize(
        new EventEnvelope<>(CODEC.deserialize(bytes("all-fields.json"), DATABIND).metadata(), TestEvents.PAYMENT),
        DATABIND_DESCRIPTOR);
    JsonNode data = WireFixtures.tree(encoded).get("data");
    assertThat(data.get("processedAt").isIntegralNumber()).isTrue();
    assertThat(data.get("processedAt").asLong()).isEqualTo(1732700000000L);
    assertThat(data.get("amount").asText()).isEqualTo("12.50");
    assertThat(CODEC.deserialize(encoded, DATABIND).data()).isEqualTo(TestEvents.PAYMENT);
  }

  @Test
  void classificationReadsAsWrittenInAnyCaseOrEscapedAndRejectsAnythingElse() {
    String meta = "{\"metadata\":{\"eventId\":\"e-1\",\"eventType\":\"payment.processed\",\"eventVersion\":\"1.0\","
        + "\"timestamp\":1732700000000,\"dataClassification\":";
    String data = "},\"data\":{\"paymentId\":\"p-1\",\"amount\":\"1\"}}";
    for (String wire : new String[] {"\"restricted\"", "\"Restricted\"", "\"RESTRICTED\"", "\"restr\\u0069cted\""}) {
      assertThat(CODEC.deserialize((meta + wire + data).getBytes(UTF_8), STREAMING).metadata().dataClassification())
          .as(wire).isEqualTo(farm.moonx.events.annotations.DataClassification.RESTRICTED);
    }
    for (String wire : new String[] {"\"restrictedx\"", "\"restricte\"", "\"public \""}) {
      assertThatThrownBy(() -> CODEC.deserialize((meta + wire + data).getBytes(UTF_8), STREAMING)).as(wire)
          .isExactlyInstanceOf(MalformedEventException.class).hasMessageContaining("unknown data classification");
    }
  }

  @Test
  void typeVersionAndSourceAreReadAsWrittenInEveryMessageThoughTheyRecur() {
    String[][] metadata = { // eventType, eventVersion, source: as written, then as read
        {"\"payment.processed\"", "\"1.0\"", "\"payments\"", "payment.processed", "1.0", "payments"},
        {"\"payment.processed\"", "\"1.0.2\"", "\"payments-eu\"", "payment.processed", "1.0.2", "payments-eu"},
        {"\"payment.processed\"", "\"1.0\"", "\"payment\"", "payment.processed", "1.0", "payment"},
        {"\"payment.processed\"", "\"1\\u002e0\"", "\"pay\\\"ments\"", "payment.processed", "1.0", "pay\"ments"},
        {"\"payment.processed\"", "\"1.0\"", "\"paiements-é\"", "payment.processed", "1.0", "paiements-é"},
        {"\"payment.process\\u0065d\"", "\"1.0\"", "\"payments\"", "payment.processed", "1.0", "payments"},
        {"\"payment.processed\"", "\"1.0\"", "\"payments\"", "payment.processed", "1.0", "payments"},
    };
    EventMetadata previous = null;
    for (String[] m : metadata) {
      String body = "{\"metadata\":{\"eventId\":\"e-1\",\"eventType\":" + m[0] + ",\"eventVersion\":" + m[1]
          + ",\"timestamp\":1732700000000,\"source\":" + m[2] + "},\"data\":{\"paymentId\":\"p-1\",\"amount\":\"1\"}}";
      EventMetadata read = CODEC.deserialize(body.getBytes(UTF_8), STREAMING).metadata();
      assertThat(List.of(read.eventType(), read.eventVersion(), read.source())).as(body).containsExactly(m[3], m[4], m[5]);
      previous = read;
    }
    // Spelled as in the message before, a recurring value is that message's String, not a new one.
    EventMetadata again = CODEC.deserialize(bytes("all-fields.json"), STREAMING).metadata();
    assertThat(again.eventType()).isSameAs(previous.eventType());
    assertThat(again.source()).isSameAs(previous.source());
    assertThat(again.eventVersion()).isSameAs(previous.eventVersion());
    // An unregistered type that only starts like a registered one is not taken for it.
    for (String type : new String[] {"payment.processedX", "payment.processe", "payment.processed\\u0000"}) {
      String body = "{\"metadata\":{\"eventId\":\"e-1\",\"eventType\":\"" + type + "\",\"eventVersion\":\"1.0\","
          + "\"timestamp\":1732700000000},\"data\":{}}";
      assertThatThrownBy(() -> CODEC.deserialize(body.getBytes(UTF_8), STREAMING)).as(type)
          .isInstanceOfSatisfying(UnknownEventTypeException.class,
              e -> assertThat(e.eventType()).isEqualTo(type.replace("\\u0000", "\u0000")));
    }
  }

  @Test
  @SuppressWarnings("unchecked") // context objects are Map<String, Object>
  void oneEntryContextsAreReadOnlyInsertionOrderedMapsLikeAnyOther() {
    String body = new String(bytes("all-fields.json"), UTF_8).replace("{\"region\":\"eu\"}",
        "{\"only\":{\"inner\":null},\"twice\":1,\"twice\":2,\"list\":[{\"a\":1}]}");
    Map<String, Object> c = CODEC.deserialize(body.getBytes(UTF_8), STREAMING).metadata().context();
    assertThat(c).containsExactly(Map.entry("only", Collections.singletonMap("inner", null)), Map.entry("twice", 2),
        Map.entry("list", List.of(Map.of("a", 1))));
    Map<String, Object> only = (Map<String, Object>) c.get("only");
    assertThat(only).hasSize(1).containsKey("inner").hasToString("{inner=null}")
        .hasSameHashCodeAs(Collections.singletonMap("inner", null));
    assertThatThrownBy(() -> only.put("inner", 1)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> only.entrySet().iterator().next().setValue(1)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> ((Map<String, Object>) ((List<?>) c.get("list")).get(0)).remove("a"))
        .isInstanceOf(UnsupportedOperationException.class);

    EventMetadata single = CODEC.deserialize(bytes("all-fields.json"), STREAMING).metadata();
    assertThat(single.context()).containsExactly(Map.entry("region", "eu"));
    assertThatThrownBy(() -> single.context().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThat(FrozenMap.copyOf(single.context())).as("kept by EventMetadata, not copied").isSameAs(single.context());
    Map<String, Object> given = new java.util.HashMap<>(Map.of("region", "eu"));
    EventMetadata built = single.toBuilder().context(given).build();
    given.put("region", "us");
    assertThat(built.context()).as("a copy, unchanged by its source").containsExactly(Map.entry("region", "eu"));
  }
}
