package farm.moonx.events.spi;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import farm.moonx.events.EventDescriptor;
import farm.moonx.events.EventEnvelope;
import farm.moonx.events.EventRegistry;
import farm.moonx.events.PaymentProcessed;
import farm.moonx.events.PaymentProcessedCodec;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The record is picked by event name and major; older majors are read and upcast to the newest. */
class VersionedReadTest {
  /** Version 1 of payment.processed: an amount in cents and no currency. */
  public record PaymentV1(String paymentId, String userId, long cents) {}

  private static final EventDescriptor<PaymentProcessed> V2 =
      EventDescriptor.builder("payment.processed", PaymentProcessed.class, new PaymentProcessedCodec())
          .version("2.0")
          .reads("1.3", JacksonDatabindCodec.of(PaymentV1.class),
              v1 -> new PaymentProcessed(v1.paymentId(), v1.userId(), BigDecimal.valueOf(v1.cents(), 2), "USD", null))
          .build();
  private static final EventRegistry REGISTRY = EventRegistry.of(V2);

  private static byte[] body(String version, String data, boolean dataFirst) {
    String meta = "{\"eventId\":\"e-1\",\"eventType\":\"payment.processed\",\"eventVersion\":\"" + version + "\","
        + "\"correlationId\":\"c-1\",\"timestamp\":1732700000000,\"source\":\"ts-payments\"}";
    return (dataFirst ? "{\"data\":" + data + ",\"metadata\":" + meta + "}"
        : "{\"metadata\":" + meta + ",\"data\":" + data + "}").getBytes(UTF_8);
  }

  private static EventEnvelope<?> read(String version, String data, boolean dataFirst) {
    return JsonEventSerializer.shared().deserialize(body(version, data, dataFirst), REGISTRY);
  }

  @Test
  void everyMinorOfAnOlderMajorIsUpcastAndTheEnvelopeKeepsTheWireVersion() {
    String v1 = "{\"paymentId\":\"p-1\",\"userId\":\"u-1\",\"cents\":1250}";
    for (String version : new String[] {"1", "1.0", "1.3", "1.7"}) {
      for (boolean dataFirst : new boolean[] {false, true}) {
        EventEnvelope<?> e = read(version, v1, dataFirst);
        assertThat(e.data()).isEqualTo(new PaymentProcessed("p-1", "u-1", new BigDecimal("12.50"), "USD", null));
        assertThat(e.metadata().eventVersion()).isEqualTo(version);
      }
    }
  }

  @Test
  void theNewestMajorIsReadWithItsOwnCodec() {
    EventEnvelope<?> e = read("2.4", "{\"paymentId\":\"p-2\",\"userId\":\"u-2\",\"amount\":\"3.10\",\"currency\":\"EUR\"}", false);
    assertThat(e.data()).isEqualTo(new PaymentProcessed("p-2", "u-2", new BigDecimal("3.10"), "EUR", null));
  }

  @Test
  void anUnknownMajorNamesTheMajorsThisServiceReads() {
    assertThatThrownBy(() -> read("3.0", "{\"paymentId\":\"p-3\"}", false))
        .isInstanceOf(UnknownEventVersionException.class)
        .hasMessage("event \"payment.processed\" has version \"3.0\", whose major this service does not read;"
            + " it reads majors 1, 2 (versions 1.3, 2.0)");
    assertThatThrownBy(() -> read("one", "{\"paymentId\":\"p-3\"}", true))
        .isInstanceOf(UnknownEventVersionException.class).hasMessageContaining("\"one\"");
  }

  @Test
  void anOlderMajorIsNeverWrittenAndTheDescriptorListsEveryVersion() {
    assertThat(V2.versions()).containsExactly("1.3", "2.0");
    assertThat(V2.codecFor("2.0")).isSameAs(V2.codec());
    assertThatThrownBy(() -> V2.codecFor("1.0").write(null, null)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> EventDescriptor.builder("a.b", PaymentProcessed.class, new PaymentProcessedCodec())
            .version("2.0").reads("2.1", new PaymentProcessedCodec(), p -> p).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("own major");
  }
}
