package farm.moonx.events.it.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import farm.moonx.events.it.payments.PaymentsPublisher;
import farm.moonx.events.kafka.KafkaEventPublisher;
import farm.moonx.events.testkit.EmbeddedKafkaTest;
import farm.moonx.events.testkit.KafkaCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Consumer groups are how a service outgrows one machine: three instances (child JVMs) in one
 * group share a 6-partition topic; one is killed mid-stream and the other two take over its
 * partitions with nothing lost. Reports the throughput of one instance and of three, with a
 * handler that spends {@value #WORK_MILLIS} ms per event (I/O-bound work, as most services do).
 */
@EmbeddedKafkaTest
class ScaleOutDrillTest {
  private static final int EVENTS = 3_000;
  private static final int PARTITIONS = 6;
  private static final long WORK_MILLIS = 2;

  static KafkaCluster kafka;

  @Test
  void threeInstancesShareTheWorkAndSurviveTheLossOfOne(@TempDir Path dir) throws Exception {
    String single = Clients.uniqueTopic("scale-1");
    String scaled = Clients.uniqueTopic("scale-3");
    kafka.createTopic(single, PARTITIONS);
    kafka.createTopic(scaled, PARTITIONS);
    try (KafkaEventPublisher publisher = KafkaEventPublisher.create(
        Clients.publisherConfig(kafka.bootstrapServers(), single).enableBatching(true).build());
        KafkaEventPublisher publisher3 = KafkaEventPublisher.create(
            Clients.publisherConfig(kafka.bootstrapServers(), scaled).enableBatching(true).build())) {
      Fixtures.publishRequests(new PaymentsPublisher(publisher), 0, EVENTS);
      Fixtures.publishRequests(new PaymentsPublisher(publisher3), 0, EVENTS);
    }

    // One instance: the whole backlog.
    double oneInstance;
    try (ChildJvm only = ChildJvm.start(kafka.bootstrapServers(), single, "billing-scale-1", dir.resolve("only"), WORK_MILLIS)) {
      await("one instance handles everything").atMost(Clients.PATIENCE).pollInterval(Duration.ofMillis(200))
          .failFast("the instance died: " + only.log(), () -> !only.isAlive())
          .until(() -> ChildJvm.Handled.sequences(only.handled()).size() == EVENTS);
      List<ChildJvm.Handled> handled = only.handled();
      oneInstance = perSecond(handled.size(),
          handled.get(handled.size() - 1).atMillis() - handled.get(0).atMillis());
      only.stop();
    }

    // Three instances, one killed once the group is stable and a third of the backlog is done.
    String group = "billing-scale-3";
    List<ChildJvm> instances = new ArrayList<>();
    double threeInstances;
    long killedAt;
    Set<Integer> killedPartitions;
    List<ChildJvm.Handled> survivorsAfterKill = new ArrayList<>();
    List<ChildJvm.Handled> everything = new ArrayList<>();
    try (Admin admin = Clients.admin(kafka.bootstrapServers())) {
      for (int i = 0; i < 3; i++) {
        instances.add(ChildJvm.start(kafka.bootstrapServers(), scaled, group, dir.resolve("instance-" + i), WORK_MILLIS));
      }
      Map<String, Set<TopicPartition>> assignment = await("three members share the six partitions")
          .atMost(Clients.PATIENCE).pollInterval(Duration.ofMillis(100))
          .until(() -> Clients.stableAssignments(admin, group),
              a -> a.size() == 3 && a.values().stream().allMatch(p -> p.size() == 2));
      long stableAt = System.currentTimeMillis();
      await("a third handled").atMost(Clients.PATIENCE).pollInterval(Duration.ofMillis(20))
          .until(() -> instances.stream().mapToInt(c -> c.handled().size()).sum() >= EVENTS / 3);
      // The one with the most work left: an instance that started first may have done nearly all of
      // its partitions alone before the others joined, and killing it would show no takeover.
      int victimIndex = mostBehind(admin, group, assignment);
      ChildJvm victim = instances.get(victimIndex);
      List<ChildJvm> survivors = instances.stream().filter(c -> c != victim).toList();
      killedAt = System.currentTimeMillis();
      victim.kill();
      long handledWhileStable = instances.stream().flatMap(c -> c.handled().stream())
          .filter(h -> h.atMillis() >= stableAt && h.atMillis() <= killedAt).count();
      threeInstances = perSecond(handledWhileStable, killedAt - stableAt);
      killedPartitions = assignment.get("instance-" + victimIndex).stream().map(TopicPartition::partition)
          .collect(Collectors.toSet());

      await("the survivors handle everything").atMost(Clients.PATIENCE).pollInterval(Duration.ofMillis(200))
          .failFast("a survivor died", () -> survivors.stream().anyMatch(c -> !c.isAlive()))
          .until(() -> ChildJvm.Handled.sequences(
              instances.stream().flatMap(c -> c.handled().stream()).toList()).size() == EVENTS);
      for (ChildJvm instance : survivors) {
        instance.stop();
        instance.handled().stream().filter(h -> h.atMillis() > killedAt).forEach(survivorsAfterKill::add);
      }
      instances.forEach(c -> everything.addAll(c.handled()));
    } finally {
      instances.forEach(ChildJvm::close);
    }

    Set<Long> distinct = ChildJvm.Handled.sequences(everything);
    assertThat(distinct).containsExactlyInAnyOrderElementsOf(LongStream.range(0, EVENTS).boxed().toList());
    assertThat(killedPartitions).as("the killed instance owned partitions").isNotEmpty();
    // A killed partition may have been finished before the kill; the others had work left.
    List<ChildJvm.Handled> takenOver = survivorsAfterKill.stream()
        .filter(h -> killedPartitions.contains(h.partition())).toList();
    assertThat(takenOver).as("the survivors handled the killed instance's partitions after the kill").isNotEmpty();
    long duplicates = everything.size() - distinct.size();
    long dlq = Clients.readToEnd(kafka.bootstrapServers(), scaled + ".dlq").size();
    DrillReport.of("scale-out", EVENTS, distinct.size(), dlq, EVENTS - distinct.size() - dlq, duplicates)
        .with("instances", 3).with("killed", 1).with("killedPartitions", killedPartitions.size())
        .with("takenOverEvents", takenOver.size())
        .with("eventsPerSec1", String.format(Locale.ROOT, "%.0f", oneInstance))
        .with("eventsPerSec3", String.format(Locale.ROOT, "%.0f", threeInstances))
        .with("handlerMs", WORK_MILLIS).print();
    assertThat(dlq).isZero();
  }

  /** The index of the instance whose partitions have the most records past the group's committed offsets. */
  private static int mostBehind(Admin admin, String group, Map<String, Set<TopicPartition>> assignment)
      throws Exception {
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    assignment.values().forEach(partitions -> partitions.forEach(p -> latest.put(p, OffsetSpec.latest())));
    Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
    int victim = 0;
    long most = -1;
    for (int i = 0; i < assignment.size(); i++) {
      long lag = 0;
      for (TopicPartition partition : assignment.get("instance-" + i)) {
        OffsetAndMetadata done = committed.get(partition);
        lag += ends.get(partition).offset() - (done == null ? 0 : done.offset());
      }
      if (lag > most) {
        most = lag;
        victim = i;
      }
    }
    return victim;
  }

  private static double perSecond(long events, long millis) {
    return events * 1000.0 / Math.max(1, millis);
  }
}
