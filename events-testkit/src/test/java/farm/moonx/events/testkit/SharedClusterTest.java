package farm.moonx.events.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Runs test classes through a nested JUnit engine, as a test JVM runs them: its root context,
 * hence its broker, lives and ends with that run.
 */
class SharedClusterTest {

  private static final List<KafkaCluster> SEEN = new CopyOnWriteArrayList<>();
  private static final List<String> SEEN_ADDRESSES = new CopyOnWriteArrayList<>();

  @Test
  void allTestClassesOfARunShareOneClusterWhichIsClosedWhenTheRunEnds() throws Exception {
    SEEN.clear();
    SEEN_ADDRESSES.clear();

    EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(FirstUser.class), selectClass(SecondUser.class))
        .execute()
        .testEvents()
        .assertStatistics(stats -> stats.started(3).succeeded(3));

    assertThat(SEEN).hasSize(3);
    assertThat(SEEN).allSatisfy(cluster -> assertThat(cluster).isSameAs(SEEN.get(0)));
    assertThat(SEEN_ADDRESSES).containsOnly(SEEN.get(0).bootstrapServers());
    if (SEEN.get(0) instanceof EmbeddedKafka) {
      EmbeddedKafka broker = (EmbeddedKafka) SEEN.get(0);
      assertThat(broker.isRunning()).as("closed at the end of the run").isFalse();
      assertThat(broker.directory()).doesNotExist();
      for (int port : broker.ports()) {
        new ServerSocket(port, 1, InetAddress.getLoopbackAddress()).close();
      }
    }
  }

  @Test
  void misdeclaredFieldFailsTheClassWithAClearMessage() {
    Events events = EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(MisdeclaredField.class))
        .execute()
        .allEvents();

    events.assertThatEvents().haveExactly(1, finishedWithFailure(
        instanceOf(ExtensionConfigurationException.class),
        message(m -> m.contains("MisdeclaredField.port must be a String"))));
  }

  @EmbeddedKafkaTest
  static class FirstUser {
    @Test
    void usesTheCluster(KafkaCluster cluster) {
      SEEN.add(cluster);
    }

    @Test
    void usesItAgain(KafkaCluster cluster) {
      SEEN.add(cluster);
    }
  }

  @EmbeddedKafkaTest
  static class SecondUser {
    static KafkaCluster cluster;

    @Test
    void usesTheSameCluster(@BootstrapServers String bootstrapServers) {
      SEEN.add(cluster);
      SEEN_ADDRESSES.add(bootstrapServers);
    }
  }

  @EmbeddedKafkaTest
  static class MisdeclaredField {
    @BootstrapServers int port;

    @Test
    void neverRuns() {}
  }
}
