package farm.moonx.events.it.billing;

import farm.moonx.events.kafka.EventConsumerConfig;
import farm.moonx.events.kafka.EventPublisherConfig;
import farm.moonx.events.kafka.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The Kafka plumbing the tests share: configs as a billing service would write them, and raw
 * kafka-clients access (as a service in another language has it) to look at topics and groups.
 */
final class Clients {
  /** The longest any single wait in these tests may take; every loop is bounded by it. */
  static final Duration PATIENCE = Duration.ofSeconds(60);

  private Clients() {}

  /** A topic name no other test (or rerun against an external cluster) uses. */
  static String uniqueTopic(String purpose) {
    return "it." + purpose + "." + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A publisher config for the payments service sending everything to {@code topic}. */
  static EventPublisherConfig.Builder publisherConfig(String bootstrapServers, String topic) {
    return EventPublisherConfig.builder("payments")
        .bootstrapServers(bootstrapServers)
        .mainTopic(topic);
  }

  /**
   * A consumer config for the billing service: short polls and backoffs so the drills stay fast,
   * a group session short enough that a killed member's partitions move within seconds.
   */
  static EventConsumerConfig.Builder consumerConfig(String bootstrapServers, String group, String topic) {
    return EventConsumerConfig.builder(group)
        .bootstrapServers(bootstrapServers)
        .topics(topic)
        .pollTimeout(Duration.ofMillis(100))
        .deadLetterTimeout(Duration.ofSeconds(10))
        .retryPolicy(RetryPolicy.builder().maxAttempts(3).initialDelay(Duration.ofMillis(20))
            .maxDelay(Duration.ofMillis(200)).build())
        // A partition resumed after a retry backoff waits for the fetch already in flight for the
        // idle partitions, which the broker holds up to fetch.max.wait.ms (500 ms by default):
        // that, not the RetryPolicy, would set the pace of retries.
        .property(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50)
        .property(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 6000)
        .property(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 1000);
  }

  /** A plain producer of JSON strings, as the TypeScript services have one. */
  static KafkaProducer<String, String> rawProducer(String bootstrapServers) {
    Map<String, Object> config = new HashMap<>();
    config.put("bootstrap.servers", bootstrapServers);
    config.put("acks", "all");
    config.put("linger.ms", 5);
    return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
  }

  /**
   * Every record of {@code topic} up to its end offsets at the time of the call (an empty list
   * if the topic does not exist), read with a plain consumer outside any group.
   */
  static List<ConsumerRecord<String, String>> readToEnd(String bootstrapServers, String topic) {
    return readToEnd(Map.of("bootstrap.servers", bootstrapServers), topic);
  }

  /** {@link #readToEnd(String, String)} as a {@code read_committed} reader: aborted transactions' records skipped. */
  static List<ConsumerRecord<String, String>> readCommitted(String bootstrapServers, String topic) {
    return readToEnd(Map.of("bootstrap.servers", bootstrapServers, ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
        topic);
  }

  /** {@link #readToEnd(String, String)} with any client settings (TLS…). */
  static List<ConsumerRecord<String, String>> readToEnd(Map<String, Object> clientConfig, String topic) {
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    List<ConsumerRecord<String, String>> out = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      Set<String> topics = consumer.listTopics(PATIENCE).keySet();
      if (!topics.contains(topic)) {
        return out;
      }
      List<TopicPartition> partitions = consumer.partitionsFor(topic, PATIENCE).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, PATIENCE);
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p, PATIENCE) < end.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("could not read " + topic + " to its end offsets " + end + " in " + PATIENCE);
        }
        consumer.poll(Duration.ofMillis(200)).forEach(out::add);
      }
    }
    return out;
  }

  /** The offsets {@code group} has committed, by partition. */
  static Map<TopicPartition, Long> committedOffsets(Admin admin, String group) {
    try {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
      return committed.entrySet().stream().filter(e -> e.getValue() != null)
          .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    } catch (InterruptedException | ExecutionException | TimeoutException e) {
      throw new AssertionError("could not read the offsets of group " + group, e);
    }
  }

  /** The end offset of every partition of {@code topic}. */
  static Map<TopicPartition, Long> endOffsets(Admin admin, String topic, int partitions) {
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    for (int p = 0; p < partitions; p++) {
      request.put(new TopicPartition(topic, p), OffsetSpec.latest());
    }
    try {
      return admin.listOffsets(request).all().get(30, TimeUnit.SECONDS).entrySet().stream()
          .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    } catch (InterruptedException | ExecutionException | TimeoutException e) {
      throw new AssertionError("could not read the end offsets of " + topic, e);
    }
  }

  /**
   * The partitions each member of {@code group} holds, by client id, once the group is stable
   * (no rebalance in progress); empty while it is not.
   */
  static Map<String, Set<TopicPartition>> stableAssignments(Admin admin, String group) {
    try {
      ConsumerGroupDescription description =
          admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get(30, TimeUnit.SECONDS);
      Map<String, Set<TopicPartition>> out = new HashMap<>();
      if (description.groupState() != GroupState.STABLE) {
        return out;
      }
      for (MemberDescription member : description.members()) {
        out.put(member.clientId(), member.assignment().topicPartitions());
      }
      return out;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof GroupIdNotFoundException) {
        return Map.of(); // no member has joined yet
      }
      throw new AssertionError("could not describe group " + group, e);
    } catch (InterruptedException | TimeoutException e) {
      throw new AssertionError("could not describe group " + group, e);
    }
  }

  /** An admin client of the cluster. */
  static Admin admin(String bootstrapServers) {
    return Admin.create(Map.of("bootstrap.servers", bootstrapServers));
  }
}
