package farm.moonx.events.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import farm.moonx.events.spi.EventCodec;
import farm.moonx.events.spi.MalformedEventException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a consumer relies on when a generated codec reads imperfect JSON. */
class CodecBehaviourTest {
  private static final ObjectMapper TREES = new ObjectMapper();
  private final GeneratedCode code = GeneratedCode.good();
  private final Class<?> everything = code.type("com.example.kitchen.Everything");
  private final EventCodec<Object> everythingCodec = code.codec(everything);
  private final EventCodec<Object> processedCodec = code.codec(code.type("com.example.payments.PaymentProcessed"));
  private final EventCodec<Object> failedCodec = code.codec(code.type("com.example.payments.PaymentFailed"));

  private static final String PROCESSED =
      "{\"paymentId\":\"p-1\",\"userId\":\"u-1\",\"amount\":\"12.50\",\"currency\":\"USD\",\"processedAt\":1732700000000}";

  /** A valid Everything as a tree, to break one field at a time. */
  private ObjectNode everythingJson() throws Exception {
    Object value = new RandomValues(7).record(everything);
    return (ObjectNode) TREES.readTree(GeneratedCode.write(everythingCodec, value));
  }

  private Object readEverything(ObjectNode json) throws Exception {
    return GeneratedCode.readAsData(everythingCodec, TREES.writeValueAsString(json));
  }

  @Test
  void readsTheTypeScriptWireFormat() throws Exception {
    Object event = GeneratedCode.readAsData(processedCodec, PROCESSED);
    assertThat(event.toString()).isEqualTo(
        "PaymentProcessed[paymentId=p-1, userId=u-1, amount=12.50, currency=USD, processedAt=2024-11-27T09:33:20Z]");
    assertThat(new String(GeneratedCode.write(processedCodec, event), "UTF-8")).isEqualTo(PROCESSED);
  }

  @Test
  void missingOrNullRequiredFieldsAreNamed() {
    assertThatThrownBy(() -> GeneratedCode.readAsData(processedCodec, PROCESSED.replace("\"amount\":\"12.50\",", "")))
        .isInstanceOf(MalformedEventException.class)
        .hasMessageStartingWith("data.amount: required field is missing");
    assertThatThrownBy(() -> GeneratedCode.readAsData(processedCodec, PROCESSED.replace("\"12.50\"", "null")))
        .hasMessageStartingWith("data.amount: required field is missing");
    assertThatThrownBy(() -> GeneratedCode.readAsData(failedCodec, "{\"accountId\":1,\"paymentId\":\"p\"}"))
        .hasMessageStartingWith("data.attempts: required field is missing");
  }

  @Test
  void unknownFieldsAreSkippedWhateverTheirShape() throws Exception {
    String withExtras = PROCESSED.replace("{\"paymentId\"",
        "{\"extra\":{\"a\":[1,{\"b\":[null,\"x\"]}]},\"more\":[[]],\"flag\":true,\"paymentId\"");
    assertThat(GeneratedCode.readAsData(processedCodec, withExtras))
        .isEqualTo(GeneratedCode.readAsData(processedCodec, PROCESSED));
  }

  @Test
  void decimalsAreAcceptedAsNumbersToo() throws Exception {
    Object event = GeneratedCode.readAsData(processedCodec, PROCESSED.replace("\"12.50\"", "12.50"));
    assertThat(event.getClass().getMethod("amount").invoke(event)).isEqualTo(new BigDecimal("12.50"));
  }

  @Test
  void decimalsKeepTheirScaleAndStayShort() throws Exception {
    for (String amount : List.of("12.50", "1E+400", "1E+100000000", "1E-100000000")) {
      String json = PROCESSED.replace("\"12.50\"", "\"" + amount + "\"");
      Object event = GeneratedCode.readAsData(processedCodec, json);
      // Written back as read: no 401-digit expansion of 1E+400, no 100 MB string, scale intact.
      assertThat(new String(GeneratedCode.write(processedCodec, event), "UTF-8")).as(amount).isEqualTo(json);
      assertThat(event.getClass().getMethod("amount").invoke(event)).as(amount).isEqualTo(new BigDecimal(amount));
    }
  }

  @Test
  void wrongJsonTypesAndBadValuesNameTheirPath() throws Exception {
    ObjectNode json = everythingJson();
    json.put("count", "3");
    assertThatThrownBy(() -> readEverything(json))
        .hasMessageStartingWith("data.count: expected an integer but found a string");
    ObjectNode badEnum = everythingJson();
    badEnum.put("color", "PURPLE");
    assertThatThrownBy(() -> readEverything(badEnum))
        .hasMessageStartingWith("data.color: \"PURPLE\" is not a constant of Color");
    ObjectNode badDate = everythingJson();
    badDate.put("day", "2024-13-01");
    assertThatThrownBy(() -> readEverything(badDate))
        .hasMessageStartingWith("data.day: \"2024-13-01\" is not an ISO-8601 date");
  }

  @Test
  void nestedRecordsReportTheFullPath() throws Exception {
    ObjectNode json = everythingJson();
    ((ObjectNode) json.get("address")).remove("city");
    assertThatThrownBy(() -> readEverything(json)).hasMessageStartingWith("data.address.city: required field is missing");
    ObjectNode inArray = everythingJson();
    inArray.putArray("addresses").add(TREES.readTree("{\"street\":\"s\",\"city\":\"c\"}")).add(TREES.readTree("{\"street\":\"s\"}"));
    assertThatThrownBy(() -> readEverything(inArray))
        .hasMessageStartingWith("data.addresses[1].city: required field is missing");
  }

  @Test
  void optionalAndNullableComponentsMayBeAbsentOrNull() throws Exception {
    ObjectNode json = everythingJson();
    json.remove("note");
    json.putNull("otherAddress");
    json.remove("maybe");
    json.putNull("maybeAddress");
    Object value = readEverything(json);
    assertThat(everything.getMethod("note").invoke(value)).isEqualTo(Optional.empty());
    assertThat(everything.getMethod("otherAddress").invoke(value)).isEqualTo(Optional.empty());
    assertThat(everything.getMethod("maybe").invoke(value)).isNull();
    assertThat(everything.getMethod("maybeAddress").invoke(value)).isNull();
    ObjectNode written = (ObjectNode) TREES.readTree(GeneratedCode.write(everythingCodec, value));
    assertThat(written.has("note") || written.has("otherAddress") || written.has("maybe") || written.has("maybeAddress"))
        .as("empty Optionals and nulls are omitted, like TypeScript's undefined").isFalse();
  }

  @Test
  void decodedCollectionsAreUnmodifiableAndKeepNullElements() throws Exception {
    ObjectNode json = everythingJson();
    json.set("tags", TREES.readTree("[\"a\",null,\"b\"]"));
    json.set("counters", TREES.readTree("{\"x\":1,\"y\":null}"));
    Object value = readEverything(json);
    @SuppressWarnings("unchecked")
    List<String> tags = (List<String>) everything.getMethod("tags").invoke(value);
    @SuppressWarnings("unchecked")
    Map<String, Long> counters = (Map<String, Long>) everything.getMethod("counters").invoke(value);
    assertThat(tags).containsExactly("a", null, "b");
    assertThat(counters).containsEntry("y", null).containsEntry("x", 1L);
    assertThatThrownBy(() -> tags.add("c")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> counters.clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> ((java.util.Collection<?>) everything.getMethod("numbers").invoke(value)).clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void nullElementsOfPrimitiveArraysAreRejected() throws Exception {
    ObjectNode json = everythingJson();
    json.set("scores", TREES.readTree("[1,null]"));
    assertThatThrownBy(() -> readEverything(json))
        .hasMessageStartingWith("data.scores[1]: expected an integer but found null");
  }
}
