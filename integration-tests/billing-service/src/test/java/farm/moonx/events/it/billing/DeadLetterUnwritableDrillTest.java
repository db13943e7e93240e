package farm.moonx.events.it.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import farm.moonx.events.Delivery;
import farm.moonx.events.EventEnvelope;
import farm.moonx.events.it.payments.PaymentRequested;
import farm.moonx.events.it.payments.PaymentsPublisher;
import farm.moonx.events.kafka.KafkaEventConsumer;
import farm.moonx.events.kafka.KafkaEventPublisher;
import farm.moonx.events.spi.EventHeaders;
import farm.moonx.events.testkit.EmbeddedKafkaTest;
import farm.moonx.events.testkit.KafkaCluster;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, item 3: dead letters that cannot be written as they are. A record the broker took
 * (1,048,400 bytes) whose copy plus {@code dlq.*} headers is over {@code max.request.size} is
 * dead-lettered without its value, pointing at its offset, and the partition moves on. A
 * dead-letter topic that refuses every write holds only the partitions with a record for it,
 * retries at a bounded pace, loses nothing, and the health check says down with the reason.
 */
@EmbeddedKafkaTest
class DeadLetterUnwritableDrillTest {
  private static final int BIG = 1_048_400;
  private static final int GOOD = 600;

  static KafkaCluster kafka;

  private static KafkaProducer<String, String> bigProducer() {
    Map<String, Object> config = new HashMap<>();
    config.put("bootstrap.servers", kafka.bootstrapServers());
    config.put("max.request.size", 2 * BIG);
    return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
  }

  private static BillingDispatcher counting(Map<Long, Integer> handled) {
    return new BillingDispatcher(new BillingHandler.Adapter() {
      @Override
      public void onPaymentRequested(EventEnvelope<PaymentRequested> event, Delivery context) {
        handled.merge(event.data().sequence(), 1, Integer::sum);
      }
    });
  }

  /** A poison record on partition 0, then {@link #GOOD} events on every partition. */
  private static void publish(String topic, String poison) throws Exception {
    try (KafkaProducer<String, String> raw = bigProducer()) {
      raw.send(new ProducerRecord<>(topic, 0, "poison", poison)).get(30, TimeUnit.SECONDS);
    }
    try (KafkaEventPublisher publisher = KafkaEventPublisher.create(
        Clients.publisherConfig(kafka.bootstrapServers(), topic).enableBatching(true).build())) {
      Fixtures.publishRequests(new PaymentsPublisher(publisher), 0, GOOD);
    }
  }

  @Test
  void aDeadLetterTooLargeToCopyIsWrittenAsAPointerAndThePartitionMovesOn() throws Exception {
    String topic = Clients.uniqueTopic("dlq-oversize");
    String group = "billing-dlq-oversize";
    kafka.createTopic(topic, 3);
    publish(topic, "x".repeat(BIG)); // not JSON: dead-lettered at once
    Map<Long, Integer> handled = new ConcurrentHashMap<>();
    long start = System.nanoTime();
    try (Admin admin = Clients.admin(kafka.bootstrapServers());
        KafkaEventConsumer consumer = KafkaEventConsumer.create(Clients.consumerConfig(kafka.bootstrapServers(), group, topic)
            .dispatcher(counting(handled)).build()).start()) {
      await().atMost(Clients.PATIENCE).until(() -> handled.size() == GOOD);
      Map<?, Long> end = Clients.endOffsets(admin, topic, 3);
      await().atMost(Clients.PATIENCE).until(() -> Clients.committedOffsets(admin, group).equals(end));
      assertThat(consumer.healthCheck().up()).as("%s", consumer.healthCheck()).isTrue();
    }
    long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
    List<ConsumerRecord<String, String>> dlq = Clients.readToEnd(kafka.bootstrapServers(), topic + ".dlq");
    assertThat(dlq).hasSize(1);
    assertThat(dlq.get(0).value()).isNull();
    assertThat(header(dlq.get(0), EventHeaders.DLQ_PAYLOAD_OMITTED)).isEqualTo(Integer.toString(BIG));
    assertThat(header(dlq.get(0), EventHeaders.DLQ_ORIGINAL_OFFSET)).isEqualTo("0");
    DrillReport.of("dlq-unwritable", GOOD + 1, handled.size(), dlq.size(), GOOD + 1 - handled.size() - dlq.size(), 0)
        .with("case", "oversize").with("recordBytes", BIG).with("deadLetter", "pointer").with("ms", millis).print();
  }

  @Test
  void aDeadLetterTopicThatRefusesWritesHoldsItsPartitionAndTheHealthCheckSaysDown() throws Exception {
    String topic = Clients.uniqueTopic("dlq-refused");
    String group = "billing-dlq-refused";
    kafka.createTopic(topic, 3);
    publish(topic, "{\"metadata\":");
    Map<Long, Integer> handled = new ConcurrentHashMap<>();
    String reason;
    long downAfter;
    long start = System.nanoTime();
    Map<TopicPartition, Long> committed;
    int behind;
    try (Admin admin = Clients.admin(kafka.bootstrapServers());
        KafkaEventConsumer consumer = KafkaEventConsumer.create(Clients.consumerConfig(kafka.bootstrapServers(), group, topic)
            .deadLetterTopic("no such topic!") // an invalid name: the broker refuses it for good
            .deadLetterTimeout(Duration.ofSeconds(2))
            .dispatcher(counting(handled)).build()).start()) {
      await("health down").atMost(Clients.PATIENCE).until(() -> !consumer.healthCheck().up());
      downAfter = Duration.ofNanos(System.nanoTime() - start).toMillis();
      reason = String.valueOf(consumer.healthCheck().details().get("deadLetterTopicsUnwritable"));
      Map<TopicPartition, Long> end = Clients.endOffsets(admin, topic, 3);
      behind = (int) (end.get(new TopicPartition(topic, 0)) - 1);
      // Partitions 1 and 2 flow; partition 0 waits behind the poison, its offset not past it.
      await("the other partitions handled").atMost(Clients.PATIENCE).until(() -> handled.size() == GOOD - behind);
      await("the other partitions committed").atMost(Clients.PATIENCE).until(() -> {
        Map<TopicPartition, Long> now = Clients.committedOffsets(admin, group);
        return end.get(new TopicPartition(topic, 1)).equals(now.get(new TopicPartition(topic, 1)))
            && end.get(new TopicPartition(topic, 2)).equals(now.get(new TopicPartition(topic, 2)));
      });
      committed = Clients.committedOffsets(admin, group);
      assertThat(consumer.healthCheck().details().toString()).contains("thread-0={alive=true");
    }
    assertThat(reason).contains("no such topic!").contains("InvalidTopicException");
    assertThat(committed.getOrDefault(new TopicPartition(topic, 0), 0L)).as("never past the poison").isZero();
    // Lost = neither handled, dead-lettered, nor still waiting uncommitted: here none.
    long waiting = 1 + behind;
    DrillReport.of("dlq-unwritable", GOOD + 1, handled.size(), 0, GOOD + 1 - handled.size() - waiting, 0)
        .with("case", "refused").with("waitingUncommitted", waiting).with("healthDownAfterMs", downAfter)
        .with("reason", reason.replace(' ', '_')).print();
  }

  private static String header(ConsumerRecord<String, String> record, String key) {
    return record.headers().lastHeader(key) == null ? null
        : new String(record.headers().lastHeader(key).value(), StandardCharsets.UTF_8);
  }
}
