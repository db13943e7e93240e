package farm.moonx.events.spi;

import static farm.moonx.events.TestEvents.PAYMENT_PROCESSED;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import farm.moonx.events.EventEnvelope;
import farm.moonx.events.EventRegistry;
import farm.moonx.events.PaymentProcessed;
import farm.moonx.events.TestEvents;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Strings as {@link JsonOut} writes them: every Java string, including one cut inside a surrogate
 * pair (a truncated emoji), becomes JSON that a standard parser reads back to the same string.
 * That is what Jackson and JavaScript's {@code JSON.stringify} do: they escape a lone surrogate.
 */
class JsonOutStringsTest {
  private static final ObjectMapper JACKSON = new ObjectMapper();

  @Test
  void everyCharacterIsWrittenAsJsonThatReadsBackToIt() throws IOException {
    List<String> wrong = new ArrayList<>();
    for (int c = 0; c <= Character.MAX_VALUE; c++) {
      String s = "a" + (char) c + "b";
      byte[] json = write(s);
      if (!s.equals(JACKSON.readValue(json, String.class))) {
        wrong.add(String.format("U+%04X", c));
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void loneSurrogatesAreEscapedAsJacksonAndJavaScriptWriteThem() throws IOException {
    assertThat(text("x\ud800y")).isEqualTo("\"x\\uD800y\"");
    assertThat(text("x\udfff")).isEqualTo("\"x\\uDFFF\"");
    assertThat(text("\udc00\ud800")).as("a pair in the wrong order is two lone halves").isEqualTo("\"\\uDC00\\uD800\"");
    assertThat(text("é\ud83d\"\n")).as("the rest of the string escaped as usual")
        .isEqualTo("\"é\\uD83D\\\"\\n\"");
    assertThat(text("\ud83d\ude00")).as("a whole pair stays raw UTF-8").isEqualTo("\"\ud83d\ude00\"");
    for (String s : List.of("x\ud800y", "\udc00\ud800", "é\ud83d\"\n", "\ud83d")) {
      assertThat(JACKSON.readValue(write(s), String.class)).isEqualTo(s);
    }
  }

  @Test
  void anEventWithALoneSurrogateIsPublishedAndReadBackUnchanged() {
    PaymentProcessed cut = new PaymentProcessed("p-\ud83d", "u-1", TestEvents.PAYMENT.amount(), "USD",
        TestEvents.PAYMENT.processedAt());
    EventEnvelope<PaymentProcessed> created = EventFactory.builder("payments").build().create(PAYMENT_PROCESSED, cut);
    EventEnvelope<PaymentProcessed> sent = created.withMetadata(
        created.metadata().toBuilder().context(Map.of("note\udc00", "\ud800")).build());

    byte[] body = JsonEventSerializer.shared().serialize(sent, PAYMENT_PROCESSED);

    assertThat(new String(body, UTF_8)).contains("\"p-\\uD83D\"", "\"note\\uDC00\":\"\\uD800\"");
    EventEnvelope<?> read = JsonEventSerializer.shared().deserialize(body, EventRegistry.of(PAYMENT_PROCESSED));
    assertThat(read.data()).isEqualTo(cut);
    assertThat(read.metadata().context()).containsExactly(Map.entry("note\udc00", "\ud800"));
  }

  private static byte[] write(String s) {
    JsonOut out = JsonOut.create();
    out.string(s);
    return out.toByteArray();
  }

  private static String text(String s) {
    return new String(write(s), UTF_8);
  }
}
