package farm.moonx.events.processor;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import farm.moonx.events.EventDescriptor;
import farm.moonx.events.EventEnvelope;
import farm.moonx.events.EventMetadata;
import farm.moonx.events.annotations.DataClassification;
import farm.moonx.events.spi.JsonEventSerializer;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated JSON Schemas describe exactly what the generated codecs and the runtime write:
 * 500 seeded random envelopes per event validate, and each with a required field dropped or a
 * value of the wrong type is rejected, by a real JSON Schema 2020-12 validator.
 */
class SchemaContractTest {
  private static final int ENVELOPES = 500;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SchemaRegistry VALIDATORS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private final GeneratedCode code = GeneratedCode.good();

  static Stream<Arguments> events() {
    return Stream.of(
        Arguments.of("Payments", "com.example.payments.PaymentsEvents", "PAYMENT_PROCESSED"),
        Arguments.of("Payments", "com.example.payments.PaymentsEvents", "PAYMENT_FAILED"),
        Arguments.of("Kitchen", "com.example.kitchen.KitchenEvents", "KITCHEN_EVERYTHING"),
        Arguments.of("Kitchen", "com.example.kitchen.KitchenEvents", "KITCHEN_AWKWARD"));
  }

  private String resource(String path) throws IOException {
    try (InputStream in = code.loader().getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      return new String(in.readAllBytes(), UTF_8);
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> byte[] write(EventDescriptor<T> descriptor, EventMetadata metadata, Object data) {
    return JsonEventSerializer.shared().serialize(new EventEnvelope<>(metadata, (T) data), descriptor);
  }

  private static EventMetadata metadata(Random random, EventDescriptor<?> d) {
    EventMetadata.Builder b = EventMetadata.builder().eventId("e-" + random.nextInt()).eventType(d.name())
        .eventVersion(d.version()).correlationId("c-" + random.nextInt()).timestamp(1732700000000L + random.nextInt())
        .source("schema-test");
    if (random.nextBoolean()) {
      b.causationId("x").userId("u").sessionId("s").tenantId("t").partition("p")
          .dataClassification(DataClassification.values()[random.nextInt(DataClassification.values().length)])
          .context(Map.of("region", "eu", "attempt", random.nextInt(5)));
    }
    return b.build();
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("events")
  void randomEnvelopesValidateAndMutatedOnesDoNot(String catalog, String registry, String constant) throws Exception {
    EventDescriptor<?> d = (EventDescriptor<?>) code.type(registry).getField(constant).get(null);
    Schema schema = VALIDATORS.getSchema(resource("META-INF/events/" + catalog + "/" + d.name() + "-" + d.version()
        + ".schema.json"));
    List<String> required = requiredComponents(catalog, d.name());
    Random random = new Random(constant.hashCode());
    RandomValues values = new RandomValues(constant.hashCode());
    int rejected = 0;
    for (int i = 0; i < ENVELOPES; i++) {
      String body = new String(write(d, metadata(random, d), values.record(d.type())), UTF_8);
      assertThat(schema.validate(body, InputFormat.JSON)).as("envelope %s: %s", i, body).isEmpty();
      for (String mutated : mutations(body, required, random)) {
        assertThat(schema.validate(mutated, InputFormat.JSON)).as("mutated: %s", mutated).isNotEmpty();
        rejected++;
      }
    }
    assertThat(rejected).isGreaterThanOrEqualTo(ENVELOPES * 3);
  }

  /** The required components of {@code event} according to the catalog JSON. */
  private List<String> requiredComponents(String catalog, String event) throws IOException {
    List<String> required = new ArrayList<>();
    for (JsonNode e : JSON.readTree(resource("META-INF/events/" + catalog + ".json")).get("events")) {
      if (e.get("name").asText().equals(event)) {
        e.get("components").forEach(c -> {
          if (c.get("required").asBoolean()) {
            required.add(c.get("name").asText());
          }
        });
      }
    }
    return required;
  }

  /** Broken copies of {@code body}: a required field dropped, a value of the wrong JSON type. */
  private static List<String> mutations(String body, List<String> required, Random random) throws IOException {
    List<String> out = new ArrayList<>();
    ObjectNode root = (ObjectNode) JSON.readTree(body);
    ObjectNode dropped = root.deepCopy();
    ((ObjectNode) dropped.get("metadata")).remove(List.of("eventId", "correlationId", "source").get(random.nextInt(3)));
    out.add(dropped.toString());
    ObjectNode badTimestamp = root.deepCopy();
    ((ObjectNode) badTimestamp.get("metadata")).put("timestamp", "yesterday");
    out.add(badTimestamp.toString());
    ObjectNode data = (ObjectNode) root.get("data");
    if (!required.isEmpty()) {
      String field = required.get(random.nextInt(required.size()));
      ObjectNode noField = root.deepCopy();
      ((ObjectNode) noField.get("data")).remove(field);
      out.add(noField.toString());
    }
    List<String> present = new ArrayList<>();
    data.fieldNames().forEachRemaining(present::add);
    if (!present.isEmpty()) {
      String field = present.get(random.nextInt(present.size()));
      ObjectNode wrongType = root.deepCopy();
      JsonNode value = data.get(field);
      ObjectNode target = (ObjectNode) wrongType.get("data");
      if (value.isTextual()) {
        target.put(field, 12345);
      } else if (value.isNumber() || value.isBoolean()) {
        target.put(field, "not-" + value.getNodeType());
      } else {
        target.put(field, true); // an object or array replaced by a boolean
      }
      out.add(wrongType.toString());
    }
    return out;
  }
}
