package farm.moonx.events;

import static farm.moonx.events.TestEvents.PAYMENT;
import static farm.moonx.events.TestEvents.PAYMENT_PROCESSED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import farm.moonx.events.spi.EventFactory;
import farm.moonx.events.spi.JacksonDatabindCodec;
import farm.moonx.events.spi.JsonEventSerializer;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineAndRegistryTest {
  private static final EventFactory FACTORY = EventFactory.builder("payments").build();
  private static final EventEnvelope<PaymentProcessed> EU = FACTORY.create(PAYMENT_PROCESSED, PAYMENT,
      PublishOptions.builder().context("region", "eu").build());

  @Test
  void serviceLoaderFindsTheTestCatalog() {
    EventRegistry loaded = EventRegistry.load();
    assertThat(loaded.find("payment.processed")).containsSame(PAYMENT_PROCESSED);
    assertThat(loaded.find(PaymentProcessed.class)).containsSame(PAYMENT_PROCESSED);
    assertThat(loaded.contains("order.created")).isFalse();
  }

  @Test
  void aNameDeclaredByTwoCatalogsNamesBothClasses() {
    record OtherPayment(String id) {}
    EventDescriptor<OtherPayment> clash =
        EventDescriptor.builder("payment.processed", OtherPayment.class, JacksonDatabindCodec.of(OtherPayment.class)).build();
    assertThatThrownBy(() -> EventRegistry.merge(List.of(new TestEvents(), EventRegistry.of(clash))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("\"payment.processed\"")
        .hasMessageContaining(PaymentProcessed.class.getName())
        .hasMessageContaining(OtherPayment.class.getName());
  }

  @Test
  void castEnvelopeTypesADecodedEnvelope() {
    EventEnvelope<?> untyped = JsonEventSerializer.shared().deserialize(
        JsonEventSerializer.shared().serialize(EU, PAYMENT_PROCESSED), new TestEvents());
    EventEnvelope<PaymentProcessed> typed = PAYMENT_PROCESSED.castEnvelope(untyped);
    assertThat(typed).isEqualTo(EU).isSameAs(untyped); // checked, not copied: one envelope per record
    @SuppressWarnings({"unchecked", "rawtypes"})
    EventEnvelope<Object> notAPayment = (EventEnvelope) new EventEnvelope<>(EU.metadata(), "text");
    assertThatThrownBy(() -> PAYMENT_PROCESSED.castEnvelope(notAPayment)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.String");
  }
}
