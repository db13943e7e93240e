package farm.moonx.events.internal;

import static farm.moonx.events.TestEvents.PAYMENT;
import static farm.moonx.events.TestEvents.PAYMENT_PROCESSED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import farm.moonx.events.EventEnvelope;
import farm.moonx.events.EventMetadata;
import farm.moonx.events.EventValidationException;
import farm.moonx.events.PaymentProcessed;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnvelopeValidatorTest {
  private static final Instant NOW = Instant.parse("2026-11-28T00:00:00Z");
  private static final EnvelopeValidator VALIDATOR =
      EnvelopeValidator.of(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(1));
  private static final EventEnvelope<PaymentProcessed> VALID = new EventEnvelope<>(EventMetadata.builder()
      .eventId("e-1").eventType("payment.processed").eventVersion("1.0").correlationId("c-1")
      .timestamp(NOW.toEpochMilli()).source("payments").build(), PAYMENT);

  @Test
  void aCompleteEnvelopeIsValid() {
    assertThat(VALIDATOR.validate(VALID, PAYMENT_PROCESSED)).isEqualTo(ValidationResult.ok());
    assertThat(EnvelopeValidator.standard().validate(VALID, PAYMENT_PROCESSED).valid()).isTrue();
  }

  @Test
  void eachMissingRequiredFieldIsNamed() {
    EventEnvelope<PaymentProcessed> empty = new EventEnvelope<>(EventMetadata.builder().build(), PAYMENT);
    assertThat(VALIDATOR.validate(empty, PAYMENT_PROCESSED).errors()).containsExactly(
        "metadata.eventId: is missing",
        "metadata.eventType: is missing",
        "metadata.eventVersion: is missing",
        "metadata.correlationId: is missing",
        "metadata.source: is missing",
        "metadata.timestamp: is missing");
    assertThat(errors(b -> b.source("  "))).containsExactly("metadata.source: is blank");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Payment.Done", "payment", "payment.", ".processed", "payment..done", "1payment.done",
      "payment.processed!", "payment processed", "payment.Processed", "payment-.done", "payment.done_"})
  void eventTypeShapeIsChecked(String bad) {
    assertThat(errors(b -> b.eventType(bad)))
        .containsExactly("metadata.eventType: \"" + bad + "\" is not a lowercase dotted name like \"payment.processed\"");
    assertThat(EnvelopeValidator.isValidEventType(bad)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"payment.processed", "system.health_check", "billing.invoice.paid", "user-profile.updated2", "a.b"})
  void wellShapedEventTypes(String good) {
    assertThat(EnvelopeValidator.isValidEventType(good)).isTrue();
  }

  @Test
  void eventTypeMustMatchTheDescriptor() {
    assertThat(errors(b -> b.eventType("payment.refunded")))
        .containsExactly("metadata.eventType: \"payment.refunded\" does not match the descriptor's \"payment.processed\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"v1", "v1.0", "1.0.0.0", "1.x", "1.0-beta", "1.", "1.02", "01.0", "01"})
  void versionShapeIsChecked(String bad) {
    assertThat(errors(b -> b.eventVersion(bad)))
        .containsExactly("metadata.eventVersion: \"" + bad + "\" is not a version like \"1.0\" or \"1.2.3\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "1.0", "0.1", "2.3", "10.20", "1.0.2", "2.3.10"})
  void aBareMajorIsAVersion(String good) {
    // Some TypeScript services write "1" for "1.0": the reader takes it as major 1.
    assertThat(errors(b -> b.eventVersion(good))).isEmpty();
  }

  @Test
  void aDescriptorIsValidatedOnceWhenBuilt() {
    assertThatThrownBy(() -> farm.moonx.events.EventDescriptor.builder("Payment.Done", farm.moonx.events.PaymentProcessed.class,
            new farm.moonx.events.PaymentProcessedCodec()).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"Payment.Done\" is not a valid event name");
    assertThatThrownBy(() -> farm.moonx.events.EventDescriptor.builder("payment.done", farm.moonx.events.PaymentProcessed.class,
            new farm.moonx.events.PaymentProcessedCodec()).version("1.02").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"1.02\" is not a valid event version");
  }

  @Test
  void timestampMustBePositiveAndNotFarAhead() {
    assertThat(errors(b -> b.timestamp(-5))).containsExactly("metadata.timestamp: -5 is negative; expected epoch milliseconds");
    assertThat(errors(b -> b.timestamp(NOW.plus(Duration.ofDays(1)).toEpochMilli()))).isEmpty();
    long farAhead = NOW.plus(Duration.ofDays(2)).toEpochMilli();
    assertThat(errors(b -> b.timestamp(farAhead))).singleElement().asString()
        .startsWith("metadata.timestamp: " + farAhead + " is PT48H in the future");
    assertThat(errors(b -> b.timestamp(NOW.minus(Duration.ofDays(3650)).toEpochMilli()))).as("old events are fine").isEmpty();
  }

  @Test
  void contextValuesMustBeWritableAsJson() {
    assertThat(errors(b -> b.contextEntry("nested", List.of("ok", new Object()))))
        .singleElement().asString().startsWith("metadata.context.nested[1]: a java.lang.Object cannot be written as JSON");
  }

  @Test
  void dataTypeAndTheDescriptorsDataChecks() {
    PaymentProcessed negative = new PaymentProcessed("p", "u", new BigDecimal("-1"), "USD", null);
    assertThat(VALIDATOR.validate(VALID.withData(negative), PAYMENT_PROCESSED).errors())
        .containsExactly("data.amount: -1 is negative");

    @SuppressWarnings({"unchecked", "rawtypes"})
    EventEnvelope<PaymentProcessed> wrongType = (EventEnvelope) new EventEnvelope<>(VALID.metadata(), "a string");
    assertThat(VALIDATOR.validate(wrongType, PAYMENT_PROCESSED).errors()).containsExactly(
        "data: is a java.lang.String, but event \"payment.processed\" carries farm.moonx.events.PaymentProcessed");
  }

  @Test
  void requireValidThrowsListingEveryProblem() {
    EventEnvelope<PaymentProcessed> bad = VALID.withMetadata(VALID.metadata().toBuilder().eventId(null).source(null).build());
    assertThatThrownBy(() -> VALIDATOR.requireValid(bad, PAYMENT_PROCESSED))
        .isInstanceOfSatisfying(EventValidationException.class, e -> assertThat(e.errors())
            .containsExactly("metadata.eventId: is missing", "metadata.source: is missing"))
        .hasMessage("invalid event \"payment.processed\": metadata.eventId: is missing; metadata.source: is missing");
    VALIDATOR.requireValid(VALID, PAYMENT_PROCESSED);
  }

  @Test
  void validationResultIsConsistent() {
    assertThat(ValidationResult.of(List.of())).isEqualTo(ValidationResult.ok());
    assertThat(ValidationResult.of(List.of("x: bad")).valid()).isFalse();
    assertThatThrownBy(() -> new ValidationResult(true, List.of("x: bad"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EnvelopeValidator.of(Clock.systemUTC(), Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static List<String> errors(UnaryOperator<EventMetadata.Builder> change) {
    EventEnvelope<PaymentProcessed> e = VALID.withMetadata(change.apply(VALID.metadata().toBuilder()).build());
    return VALIDATOR.validate(e, PAYMENT_PROCESSED).errors();
  }
}
