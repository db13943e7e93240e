package farm.moonx.events.it.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import farm.moonx.events.Delivery;
import farm.moonx.events.EventEnvelope;
import farm.moonx.events.EventValidationException;
import farm.moonx.events.PublishResult;
import farm.moonx.events.it.payments.PaymentRequested;
import farm.moonx.events.it.payments.PaymentsPublisher;
import farm.moonx.events.kafka.EventConsumerConfig.UnknownTypePolicy;
import farm.moonx.events.kafka.KafkaEventConsumer;
import farm.moonx.events.kafka.KafkaEventPublisher;
import farm.moonx.events.spi.EventHeaders;
import farm.moonx.events.spi.MalformedEventException;
import farm.moonx.events.spi.UnknownEventTypeException;
import farm.moonx.events.testkit.EmbeddedKafkaTest;
import farm.moonx.events.testkit.KafkaCluster;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * Poison pills: 10,000 records, 1% of them unreadable, of an unknown type, undecodable or
 * invalid, mixed in at random places. Every valid event is handled, every poison record lands
 * in the dead-letter topic saying why, and the consumer keeps running throughout.
 */
@EmbeddedKafkaTest
class PoisonDrillTest {
  private static final int RECORDS = 10_000;
  private static final int PARTITIONS = 3;

  /** The kinds of poison, each with the error the dead-letter record must name. */
  private enum Poison {
    NOT_JSON(MalformedEventException.class),
    UNKNOWN_TYPE(UnknownEventTypeException.class),
    UNDECODABLE_DATA(MalformedEventException.class),
    INVALID_METADATA(EventValidationException.class);

    final Class<? extends Exception> error;

    Poison(Class<? extends Exception> error) {
      this.error = error;
    }
  }

  static KafkaCluster kafka;

  @Test
  void poisonGoesToTheDeadLetterTopicAndEverythingElseIsHandled() throws Exception {
    String topic = Clients.uniqueTopic("poison");
    String deadLetters = topic + ".dlq";
    String group = "billing-poison";
    kafka.createTopic(topic, PARTITIONS);
    kafka.createTopic(deadLetters, 1);

    Map<Long, Integer> handled = new ConcurrentHashMap<>();
    AtomicLong handlerCalls = new AtomicLong();
    BillingHandler handler = new BillingHandler.Adapter() {
      @Override
      public void onPaymentRequested(EventEnvelope<PaymentRequested> event, Delivery context) {
        handlerCalls.incrementAndGet();
        handled.merge(event.data().sequence(), 1, Integer::sum);
      }
    };

    List<Long> valid = new ArrayList<>();
    Map<String, Poison> poisonByKey = new ConcurrentHashMap<>();
    try (KafkaEventPublisher publisher = KafkaEventPublisher.create(
            Clients.publisherConfig(kafka.bootstrapServers(), topic).enableBatching(true).build());
        KafkaProducer<String, String> raw = Clients.rawProducer(kafka.bootstrapServers());
        KafkaEventConsumer consumer = KafkaEventConsumer.create(Clients.consumerConfig(kafka.bootstrapServers(), group, topic)
            .concurrency(2)
            .unknownTypePolicy(UnknownTypePolicy.DEAD_LETTER) // this topic carries only billing's events
            .dispatcher(new BillingDispatcher(handler)).build());
        Admin admin = Clients.admin(kafka.bootstrapServers())) {
      consumer.start(); // consuming while the poison is still being published
      PaymentsPublisher payments = new PaymentsPublisher(publisher);
      List<CompletableFuture<PublishResult>> published = new ArrayList<>();
      List<Future<RecordMetadata>> poisoned = new ArrayList<>();
      for (long i = 0; i < RECORDS; i++) {
        if (i % 100 == 37) {
          Poison kind = Poison.values()[(int) (i / 100) % Poison.values().length];
          String key = "poison-" + kind + "-" + i;
          poisonByKey.put(key, kind);
          poisoned.add(raw.send(new ProducerRecord<>(topic, key, poison(kind, i))));
        } else {
          valid.add(i);
          published.add(payments.paymentRequested(Fixtures.request(i)));
        }
      }
      for (CompletableFuture<PublishResult> future : published) {
        future.get(60, TimeUnit.SECONDS);
      }
      for (Future<RecordMetadata> future : poisoned) {
        future.get(60, TimeUnit.SECONDS);
      }

      await("every valid event handled").atMost(Clients.PATIENCE).pollInterval(Duration.ofMillis(200))
          .until(() -> handled.size() == valid.size());
      // Committed up to the end: the poison is past, dead-lettered before its offset was committed.
      Map<?, Long> end = Clients.endOffsets(admin, topic, PARTITIONS);
      await("every offset committed").atMost(Clients.PATIENCE).pollInterval(Duration.ofMillis(200))
          .until(() -> Clients.committedOffsets(admin, group).equals(end));
      assertThat(consumer.healthCheck().up()).as("the consumer never stopped: %s", consumer.healthCheck()).isTrue();
    }

    List<ConsumerRecord<String, String>> dlq = Clients.readToEnd(kafka.bootstrapServers(), deadLetters);
    for (ConsumerRecord<String, String> record : dlq) {
      Poison kind = poisonByKey.get(record.key());
      assertThat(kind).as("dead-lettered record %s is one of the poison records", record.key()).isNotNull();
      assertThat(header(record, EventHeaders.DLQ_ERROR_CLASS)).as("cause of %s", record.key())
          .isEqualTo(kind.error.getName());
      assertThat(header(record, EventHeaders.DLQ_ERROR_MESSAGE)).as("message of %s", record.key()).isNotBlank();
      assertThat(header(record, EventHeaders.DLQ_ORIGINAL_TOPIC)).isEqualTo(topic);
      assertThat(header(record, EventHeaders.DLQ_ORIGINAL_OFFSET)).isNotNull();
      assertThat(header(record, EventHeaders.DLQ_CONSUMER_GROUP)).isEqualTo(group);
      assertThat(record.value()).as("the original bytes").isEqualTo(poison(kind, sequenceOf(record.key())));
    }
    assertThat(dlq).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(poisonByKey.keySet());
    assertThat(handled.keySet()).containsExactlyInAnyOrderElementsOf(valid);

    long duplicates = handlerCalls.get() - handled.size();
    long lost = RECORDS - handled.size() - dlq.size();
    DrillReport.of("poison", RECORDS, handled.size(), dlq.size(), lost, duplicates)
        .with("poisonKinds", Poison.values().length).print();
    assertThat(lost).isZero();
  }

  private static String poison(Poison kind, long i) {
    String data = "{\"requestId\":\"req-" + i + "\",\"accountId\":\"acct-1\",\"sequence\":" + i
        + ",\"amount\":\"1.00\",\"currency\":\"EUR\"}";
    return switch (kind) {
      case NOT_JSON -> "{\"metadata\":{\"eventType\":\"payment.requested\",\"eventId\":\"broken-" + i;
      case UNKNOWN_TYPE -> envelope("payment.teleported", "\"source\":\"ts\",\"correlationId\":\"c\",", data, i);
      case UNDECODABLE_DATA -> envelope("payment.requested", "\"source\":\"ts\",\"correlationId\":\"c\",",
          data.replace("\"sequence\":" + i, "\"sequence\":\"not a number\""), i);
      case INVALID_METADATA -> envelope("payment.requested", "", data, i); // no source, no correlationId
    };
  }

  private static String envelope(String type, String extraMetadata, String data, long i) {
    return "{\"metadata\":{\"eventId\":\"poison-" + i + "\",\"eventType\":\"" + type + "\",\"eventVersion\":\"1.0\","
        + extraMetadata + "\"timestamp\":1732700000000},\"data\":" + data + "}";
  }

  private static long sequenceOf(String key) {
    return Long.parseLong(key.substring(key.lastIndexOf('-') + 1));
  }

  private static String header(ConsumerRecord<String, String> record, String key) {
    Header header = record.headers().lastHeader(key);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
