package farm.moonx.events.it.billing;

import static org.assertj.core.api.Assertions.assertThat;

import farm.moonx.events.Delivery;
import farm.moonx.events.EventEnvelope;
import farm.moonx.events.PublishResult;
import farm.moonx.events.it.payments.AccountStatement;
import farm.moonx.events.it.payments.AccountStatement.Address;
import farm.moonx.events.it.payments.AccountStatement.Holder;
import farm.moonx.events.it.payments.AccountStatement.Line;
import farm.moonx.events.it.payments.AccountStatement.Tier;
import farm.moonx.events.it.payments.PaymentsPublisher;
import farm.moonx.events.kafka.KafkaEventConsumer;
import farm.moonx.events.kafka.KafkaEventPublisher;
import farm.moonx.events.testkit.EmbeddedKafkaTest;
import farm.moonx.events.testkit.KafkaCluster;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Every component type the processor supports goes through a real topic and comes back equal:
 * published with the generated publisher, consumed with the generated dispatcher of another
 * module, decoded with the generated codecs.
 */
@EmbeddedKafkaTest
class EveryFieldTypeRoundTripTest {
  static KafkaCluster kafka;

  @Test
  void everySupportedTypeRoundTripsThroughATopic() throws Exception {
    String topic = Clients.uniqueTopic("round-trip");
    kafka.createTopic(topic, 2);
    List<AccountStatement> sent = List.of(typical(), extremes(), empties());
    BlockingQueue<EventEnvelope<AccountStatement>> received = new LinkedBlockingQueue<>();
    BillingHandler handler = new BillingHandler.Adapter() {
      @Override
      public void onAccountStatement(EventEnvelope<AccountStatement> event, Delivery context) {
        received.add(event);
      }
    };

    List<PublishResult> results = new ArrayList<>();
    try (KafkaEventPublisher publisher = KafkaEventPublisher.create(
            Clients.publisherConfig(kafka.bootstrapServers(), topic).build());
        KafkaEventConsumer consumer = KafkaEventConsumer.create(Clients.consumerConfig(
            kafka.bootstrapServers(), "billing-round-trip", topic).dispatcher(new BillingDispatcher(handler)).build())) {
      PaymentsPublisher payments = new PaymentsPublisher(publisher);
      for (AccountStatement statement : sent) {
        results.add(payments.accountStatement(statement).get(30, TimeUnit.SECONDS));
      }
      consumer.start();
      for (int i = 0; i < sent.size(); i++) {
        EventEnvelope<AccountStatement> event = received.poll(30, TimeUnit.SECONDS);
        assertThat(event).as("statement %d of %d arrived", i + 1, sent.size()).isNotNull();
        AccountStatement expected = sent.stream()
            .filter(s -> s.statementId().equals(event.data().statementId())).findFirst().orElseThrow();
        assertEqual(event.data(), expected);
        assertThat(event.metadata().eventType()).isEqualTo("account.statement");
        assertThat(event.metadata().eventVersion()).isEqualTo("2.1");
        assertThat(event.metadata().partition()).isEqualTo(expected.accountId().toString());
        assertThat(event.metadata().source()).isEqualTo("payments");
      }
    }

    // The @PartitionKey component is the Kafka record key, so one account stays on one partition.
    List<ConsumerRecord<String, String>> records = Clients.readToEnd(kafka.bootstrapServers(), topic);
    assertThat(records).extracting(ConsumerRecord::key)
        .containsExactlyInAnyOrderElementsOf(sent.stream().map(s -> s.accountId().toString()).toList());
    assertThat(results).extracting(PublishResult::topic).containsOnly(topic);
  }

  /** Records holding arrays are not equal by {@code equals}: compare arrays element-wise, the rest recursively. */
  private static void assertEqual(AccountStatement actual, AccountStatement expected) {
    assertThat(actual.signature()).as("signature (byte[])").isEqualTo(expected.signature());
    assertThat(actual.dailyCounts()).as("dailyCounts (int[])").isEqualTo(expected.dailyCounts());
    // Exact floating-point equality: AssertJ's default tolerance would hide a lossy codec.
    assertThat(actual).usingRecursiveComparison()
        .ignoringFields("totalsByCurrency")
        .withComparatorForType(Double::compare, Double.class)
        .withComparatorForType(Float::compare, Float.class)
        .isEqualTo(expected);
    // Decimals come back exactly, scale included: plain "12.50" for money, and scientific
    // notation where plain would lose a negative scale (1E+400) or run long (1E-100000000).
    // BigDecimal.equals compares the scale too, so "1E+400" back as 1000…0 (scale 0) fails here.
    assertThat(actual.totalsByCurrency()).isEqualTo(expected.totalsByCurrency());
    // Scale and exact values matter for money and checksums, beyond what compareTo-style equality says.
    assertThat(actual.balance().scale()).isEqualTo(expected.balance().scale());
    assertThat(actual.ledgerChecksum()).isEqualTo(expected.ledgerChecksum());
    assertThat(actual.postedAt().getOffset()).isEqualTo(expected.postedAt().getOffset());
    assertThat(actual.postedAt()).isEqualTo(expected.postedAt());
  }

  private static AccountStatement typical() {
    Instant generated = Instant.parse("2026-11-01T08:30:15.123Z");
    Map<String, BigDecimal> totals = new LinkedHashMap<>();
    totals.put("EUR", new BigDecimal("1250.40"));
    totals.put("USD", new BigDecimal("-3.10"));
    Map<String, List<Instant>> postings = new LinkedHashMap<>();
    postings.put("2026-10-30", List.of(generated.minusSeconds(3600), generated.minusSeconds(60)));
    postings.put("2026-10-31", List.of());
    return new AccountStatement(
        "st-typical", UUID.fromString("6f1c2a9e-52b4-4d7f-9b0e-0c8d3b1f2a77"),
        false, (byte) 5, (short) 1204, 42, 125_040L, 1.25f, 0.035, 'A',
        Boolean.TRUE, Byte.valueOf((byte) -7), Short.valueOf((short) -300), Integer.valueOf(7),
        Long.valueOf(9_000_000_000L), Float.valueOf(0.5f), Double.valueOf(2.75), Character.valueOf('z'),
        new BigDecimal("1250.40"), new BigInteger("123456789012345678901234567890"),
        generated, LocalDate.of(2026, 10, 31), LocalDateTime.of(2026, 10, 31, 23, 59, 59, 999_000_000),
        OffsetDateTime.of(2026, 11, 1, 9, 0, 0, 0, ZoneOffset.ofHoursMinutes(5, 30)),
        Tier.GOLD,
        new Holder("Zoë Ångström", new Address("1 Rue de l'Église", "Paris", "FR"), Optional.of("zoe@example.com")),
        List.of(new Line("Coffee ☕", new BigDecimal("-3.50"), LocalDate.of(2026, 10, 2)),
            new Line("Salary", new BigDecimal("2500.00"), LocalDate.of(2026, 10, 25))),
        Set.of("monthly", "paperless"), List.of(Tier.BASIC, Tier.GOLD),
        totals, postings, Optional.of("thank you"),
        Optional.of(new Holder("Bo", new Address("2 Main St", "Springfield", "US"), Optional.empty())),
        new byte[] {0, 1, 2, (byte) 0xFF, 127, -128}, new Date(1_761_955_200_000L), new int[] {3, 0, 9},
        "paid in full");
  }

  /** Limits of every numeric type, text that needs escaping, instants before the epoch. */
  private static AccountStatement extremes() {
    Map<String, BigDecimal> totals = new LinkedHashMap<>();
    totals.put("with \"quotes\" and \\ backslash", new BigDecimal("1E+400"));
    totals.put("", new BigDecimal("0.000000000000000000001"));
    totals.put("huge", new BigDecimal("-1E+100000000"));
    totals.put("tiny", new BigDecimal("1E-100000000"));
    Map<String, List<Instant>> postings = Map.of("before-epoch", List.of(Instant.ofEpochMilli(-86_400_000L)));
    return new AccountStatement(
        "st-extremes \"quoted\"\n\ttabbed \u0001 control, emoji 🚀, CJK 漢字",
        UUID.fromString("00000000-0000-0000-0000-000000000000"),
        true, Byte.MIN_VALUE, Short.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE,
        Float.MAX_VALUE, -Double.MIN_VALUE, '"',
        Boolean.FALSE, Byte.MAX_VALUE, Short.MIN_VALUE, Integer.MAX_VALUE, Long.MIN_VALUE,
        -Float.MIN_VALUE, Double.MAX_VALUE, '\u00e9',
        new BigDecimal("-98765432109876543210.0123456789"), new BigInteger("-" + "9".repeat(60)),
        Instant.ofEpochMilli(-1L), LocalDate.of(1, 1, 1), LocalDateTime.of(9999, 12, 31, 23, 59, 59, 123_456_789),
        OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 1, ZoneOffset.ofHours(-12)),
        Tier.PLATINUM,
        new Holder("", new Address(" ", "\\", "\u2028"), Optional.of("")),
        List.of(new Line("zero", BigDecimal.ZERO, LocalDate.of(2000, 2, 29))),
        Set.of("only"), Set.of(Tier.PLATINUM), totals, postings,
        Optional.of("{\"not\": \"json inside\"}"), Optional.empty(),
        new byte[] {}, new Date(0L), new int[] {Integer.MAX_VALUE, Integer.MIN_VALUE},
        null);
  }

  /** Empty collections and absent optionals come back empty, not null. */
  private static AccountStatement empties() {
    return new AccountStatement(
        "st-empty", UUID.fromString("b4e3b7c2-0d3a-4b55-8f41-3f6c1e9a2d10"),
        false, (byte) 0, (short) 0, 0, 0L, 0f, 0d, ' ',
        Boolean.FALSE, (byte) 0, (short) 0, 0, 0L, 0f, 0d, ' ',
        BigDecimal.ZERO, BigInteger.ZERO, Instant.EPOCH.plusMillis(1), LocalDate.of(2026, 1, 1),
        LocalDateTime.of(2026, 1, 1, 0, 0), OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
        Tier.BASIC, new Holder("n", new Address("s", "c", "cc"), Optional.empty()),
        List.of(), Set.of(), List.of(), Map.of(), Map.of(), Optional.empty(), Optional.empty(),
        new byte[0], new Date(1L), new int[0], null);
  }
}
