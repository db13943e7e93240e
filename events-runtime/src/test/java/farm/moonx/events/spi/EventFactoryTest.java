package farm.moonx.events.spi;

import static farm.moonx.events.TestEvents.PAYMENT;
import static farm.moonx.events.TestEvents.PAYMENT_PROCESSED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import farm.moonx.events.DataClassificationStrategy;
import farm.moonx.events.EventDescriptor;
import farm.moonx.events.EventEnvelope;
import farm.moonx.events.EventMetadata;
import farm.moonx.events.PartitionStrategy;
import farm.moonx.events.PaymentProcessed;
import farm.moonx.events.PaymentProcessedCodec;
import farm.moonx.events.PublishOptions;
import farm.moonx.events.TestEvents;
import farm.moonx.events.annotations.DataClassification;
import farm.moonx.events.internal.EnvelopeValidator;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EventFactoryTest {
  private static final Instant NOW = Instant.parse("2026-11-28T00:00:00.123Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final EventDescriptor<PaymentProcessed> UNDECLARED =
      EventDescriptor.builder("billing.invoice.paid", PaymentProcessed.class, new PaymentProcessedCodec()).version("2.1").build();

  private final EventFactory factory = EventFactory.builder("payments").clock(CLOCK).build();

  @Test
  void fillsEveryMetadataField() {
    PublishOptions options = PublishOptions.builder().userId("u-9").sessionId("s-9").tenantId("t-9")
        .correlationId("corr-1").causationId("cause-1").context("region", "eu").build();
    EventEnvelope<PaymentProcessed> e = factory.create(PAYMENT_PROCESSED, PAYMENT, options);
    EventMetadata m = e.metadata();
    assertThat(UUID.fromString(m.eventId()).version()).isEqualTo(7);
    assertThat(m.eventType()).isEqualTo("payment.processed");
    assertThat(m.eventVersion()).isEqualTo("1.0");
    assertThat(m.correlationId()).isEqualTo("corr-1");
    assertThat(m.causationId()).isEqualTo("cause-1");
    assertThat(m.timestamp()).isEqualTo(NOW.toEpochMilli());
    assertThat(m.source()).isEqualTo("payments");
    assertThat(m.userId()).isEqualTo("u-9");
    assertThat(m.sessionId()).isEqualTo("s-9");
    assertThat(m.tenantId()).isEqualTo("t-9");
    assertThat(m.dataClassification()).isEqualTo(DataClassification.CONFIDENTIAL);
    assertThat(m.partition()).isEqualTo("u-1"); // the record's @PartitionKey beats userId
    assertThat(m.context()).containsExactly(Map.entry("region", "eu"));
    assertThat(e.data()).isSameAs(PAYMENT);
    assertThat(factory.serviceName()).isEqualTo("payments");
    assertThat(EnvelopeValidator.of(CLOCK, EnvelopeValidator.DEFAULT_MAX_CLOCK_SKEW).validate(e, PAYMENT_PROCESSED).errors()).isEmpty();
  }

  @Test
  void noOptionsGiveANewCorrelationIdAndNoOptionalFields() {
    EventMetadata m = factory.create(UNDECLARED, PAYMENT, null).metadata();
    assertThat(m.correlationId()).isNotBlank().isNotEqualTo(m.eventId());
    assertThat(UUID.fromString(m.correlationId()).version()).isEqualTo(7);
    assertThat(m.eventVersion()).isEqualTo("2.1");
    assertThat(m.causationId()).isNull();
    assertThat(m.userId()).isNull();
    assertThat(m.sessionId()).isNull();
    assertThat(m.tenantId()).isNull();
    assertThat(m.context()).isNull();
  }

  @Test
  void idsAreUniqueVersion7AndCarryTheClockTime() {
    EventFactory real = EventFactory.builder("payments").build();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      ids.add(real.create(PAYMENT_PROCESSED, PAYMENT, PublishOptions.none()).eventId());
    }
    assertThat(ids).hasSize(100_000);

    UUID id = UUID.fromString(factory.create(PAYMENT_PROCESSED, PAYMENT, PublishOptions.none()).eventId());
    assertThat(id.getMostSignificantBits() >>> 16).as("48-bit unix_ts_ms").isEqualTo(NOW.toEpochMilli());
    assertThat((id.getMostSignificantBits() >>> 12) & 0xF).as("version").isEqualTo(7);
    assertThat(id.getLeastSignificantBits() >>> 62).as("variant 10").isEqualTo(2);
    assertThat(id.version()).isEqualTo(7);
    assertThat(id.variant()).isEqualTo(2);
  }

  @Test
  void idsFromLaterMillisecondsSortAfterEarlierOnes() {
    AtomicInteger tick = new AtomicInteger();
    Clock ticking = new Clock() {
      @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
      @Override public Clock withZone(java.time.ZoneId zone) { return this; }
      @Override public Instant instant() { return NOW.plusMillis(tick.getAndIncrement()); }
    };
    EventFactory f = EventFactory.builder("payments").clock(ticking).build();
    String previous = "";
    for (int i = 0; i < 1000; i++) {
      String id = f.create(PAYMENT_PROCESSED, PAYMENT, PublishOptions.builder().correlationId("c").build()).eventId();
      assertThat(id).isGreaterThan(previous);
      previous = id;
    }
  }

  @Test
  void causationChainOverThreeHopsKeepsOneCorrelationId() {
    EventEnvelope<PaymentProcessed> first = factory.create(PAYMENT_PROCESSED, PAYMENT,
        PublishOptions.builder().userId("u-1").tenantId("t-1").sessionId("s-1").build());
    EventEnvelope<PaymentProcessed> second = factory.create(UNDECLARED, PAYMENT, PublishOptions.causedBy(first));
    EventEnvelope<PaymentProcessed> third = factory.create(PAYMENT_PROCESSED, PAYMENT,
        PublishOptions.builder().userId("u-2").causedBy(second).build());

    assertThat(first.metadata().causationId()).isNull();
    assertThat(second.metadata().correlationId()).isEqualTo(first.metadata().correlationId());
    assertThat(third.metadata().correlationId()).isEqualTo(first.metadata().correlationId());
    assertThat(second.metadata().causationId()).isEqualTo(first.eventId());
    assertThat(third.metadata().causationId()).isEqualTo(second.eventId());
    assertThat(Set.of(first.eventId(), second.eventId(), third.eventId())).hasSize(3);
    assertThat(second.metadata().userId()).isEqualTo("u-1");
    assertThat(second.metadata().tenantId()).isEqualTo("t-1");
    assertThat(second.metadata().sessionId()).isEqualTo("s-1");
    assertThat(third.metadata().userId()).as("set on the builder, not inherited").isEqualTo("u-2");
  }

  @Test
  void defaultPartitionKeyOrder() {
    PaymentProcessed noUser = new PaymentProcessed("p-2", null, BigDecimal.ONE, "USD", null);
    PublishOptions userAndTenant = PublishOptions.builder().userId("u-7").tenantId("t-7").build();
    assertThat(key(PAYMENT_PROCESSED, PAYMENT, PublishOptions.builder().partitionKey("explicit").userId("u-7").build()))
        .isEqualTo("explicit");
    assertThat(key(PAYMENT_PROCESSED, PAYMENT, userAndTenant)).as("@PartitionKey value").isEqualTo("u-1");
    assertThat(key(PAYMENT_PROCESSED, noUser, userAndTenant)).as("null record key falls through").isEqualTo("u-7");
    assertThat(key(UNDECLARED, PAYMENT, userAndTenant)).as("no @PartitionKey").isEqualTo("u-7");
    // The TypeScript default, userId || first segment of the type: a tenant id alone does not key.
    assertThat(key(UNDECLARED, PAYMENT, PublishOptions.builder().tenantId("t-7").build()))
        .as("tenant only: as the TypeScript services key it").isEqualTo("billing");
    assertThat(key(UNDECLARED, PAYMENT, PublishOptions.none())).as("first segment").isEqualTo("billing");
    assertThat(key(UNDECLARED, PAYMENT, PublishOptions.builder().partitionKey(" ").build())).as("blank ignored")
        .isEqualTo("billing");
  }

  @Test
  void keyingByTenantIsOneLineAway() {
    EventFactory byTenant = EventFactory.builder("payments").partitionStrategy(PartitionStrategy.byTenant()).build();
    assertThat(byTenant.create(UNDECLARED, PAYMENT, PublishOptions.builder().tenantId("t-7").userId("u-7").build())
        .metadata().partition()).isEqualTo("t-7");
    assertThat(byTenant.create(UNDECLARED, PAYMENT, PublishOptions.builder().userId("u-7").build())
        .metadata().partition()).isEqualTo("u-7");
    assertThat(byTenant.create(PAYMENT_PROCESSED, PAYMENT, PublishOptions.builder().tenantId("t-7").build())
        .metadata().partition()).as("@PartitionKey still first").isEqualTo("u-1");
  }

  @Test
  void partitionStrategyCanKeySomeEventsAndLeaveTheRestToTheDefault() {
    // As the API's javadoc shows: the TypeScript "extends DefaultPartitionStrategy", by delegation.
    PartitionStrategy billingByTenant = new PartitionStrategy() {
      @Override
      public <T> String partitionKey(EventDescriptor<T> descriptor, T data, PublishOptions options) {
        if (descriptor.name().startsWith("billing.") && options.tenantId() != null) {
          return options.tenantId();
        }
        return PartitionStrategy.defaultStrategy().partitionKey(descriptor, data, options);
      }
    };
    EventFactory partly = EventFactory.builder("payments").partitionStrategy(billingByTenant).build();
    PublishOptions both = PublishOptions.builder().userId("u-7").tenantId("t-7").build();
    assertThat(partly.create(UNDECLARED, PAYMENT, both).metadata().partition()).as("billing.invoice.paid: by tenant").isEqualTo("t-7");
    assertThat(partly.create(PAYMENT_PROCESSED, PAYMENT, both).metadata().partition())
        .as("payment.processed: the default, its @PartitionKey").isEqualTo("u-1");
    assertThat(partly.create(UNDECLARED, PAYMENT, PublishOptions.builder().userId("u-7").build()).metadata().partition())
        .as("no tenant: the default, the user id").isEqualTo("u-7");

    PartitionStrategy none = new PartitionStrategy() {
      @Override
      public <T> String partitionKey(EventDescriptor<T> descriptor, T data, PublishOptions options) {
        return null;
      }
    };
    EventFactory keyless = EventFactory.builder("payments").partitionStrategy(none).build();
    assertThat(keyless.create(PAYMENT_PROCESSED, PAYMENT, both).metadata().partition()).isNull();
  }

  @Test
  void classificationDeclaredDefaultAndOverride() {
    assertThat(factory.create(PAYMENT_PROCESSED, PAYMENT, null).metadata().dataClassification())
        .as("declared").isEqualTo(DataClassification.CONFIDENTIAL);
    assertThat(factory.create(UNDECLARED, PAYMENT, null).metadata().dataClassification())
        .as("default").isEqualTo(DataClassification.INTERNAL);

    DataClassificationStrategy billingRestricted = new DataClassificationStrategy() {
      @Override
      public <T> DataClassification classify(EventDescriptor<T> descriptor, T data) {
        if (descriptor.name().startsWith("billing.")) {
          return DataClassification.RESTRICTED;
        }
        return DataClassificationStrategy.defaultStrategy().classify(descriptor, data);
      }
    };
    EventFactory overridden = EventFactory.builder("payments").classificationStrategy(billingRestricted).build();
    assertThat(overridden.create(UNDECLARED, PAYMENT, null).metadata().dataClassification())
        .isEqualTo(DataClassification.RESTRICTED);
    assertThat(overridden.create(PAYMENT_PROCESSED, PAYMENT, null).metadata().dataClassification())
        .isEqualTo(DataClassification.CONFIDENTIAL);

    DataClassificationStrategy allPublic = new DataClassificationStrategy() {
      @Override
      public <T> DataClassification classify(EventDescriptor<T> descriptor, T data) {
        return DataClassification.PUBLIC;
      }
    };
    assertThat(EventFactory.builder("payments").classificationStrategy(allPublic).build()
        .create(PAYMENT_PROCESSED, PAYMENT, null).metadata().dataClassification()).isEqualTo(DataClassification.PUBLIC);
  }

  @Test
  void customIdGeneratorIsUsedForIdsAndNewCorrelationIds() {
    AtomicInteger n = new AtomicInteger();
    EventFactory f = EventFactory.builder("payments").idGenerator(() -> "id-" + n.incrementAndGet()).build();
    EventMetadata m = f.create(PAYMENT_PROCESSED, PAYMENT, null).metadata();
    assertThat(Set.of(m.eventId(), m.correlationId())).containsExactlyInAnyOrder("id-1", "id-2");
  }

  @Test
  void createsByRecordClassThroughARegistry() {
    EventEnvelope<PaymentProcessed> e = factory.create(new TestEvents(), PAYMENT, null);
    assertThat(e.eventType()).isEqualTo("payment.processed");
    assertThat(factory.create(PAYMENT_PROCESSED, PAYMENT).metadata().partition()).isEqualTo("u-1");
    assertThatThrownBy(() -> factory.create(new TestEvents(), "text", null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no event type is registered for record java.lang.String");
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(() -> EventFactory.builder(" ")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("serviceName");
    assertThatThrownBy(() -> factory.create(PAYMENT_PROCESSED, null, null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("data");
    @SuppressWarnings({"unchecked", "rawtypes"})
    EventDescriptor<Object> raw = (EventDescriptor) PAYMENT_PROCESSED;
    assertThatThrownBy(() -> factory.create(raw, "not a payment", null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("payment.processed").hasMessageContaining("java.lang.String");
  }

  private static <T> String key(EventDescriptor<T> descriptor, T data, PublishOptions options) {
    return PartitionStrategy.defaultStrategy().partitionKey(descriptor, data, options);
  }
}
