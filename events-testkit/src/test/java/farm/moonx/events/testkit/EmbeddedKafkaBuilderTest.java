package farm.moonx.events.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.junit.jupiter.api.Test;

/** Mistakes in the configuration fail fast with a message saying what to do; no broker needed. */
class EmbeddedKafkaBuilderTest {

  @Test
  void rejectsOverridesOfPropertiesItManages() {
    assertThatThrownBy(() -> EmbeddedKafka.builder().brokerProperty("listeners", "PLAINTEXT://:9092"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'listeners' is managed by EmbeddedKafka")
        .hasMessageContaining("listener(name, protocol)");
    assertThatThrownBy(() -> EmbeddedKafka.builder().brokerProperty("log.dirs", "/tmp/x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EmbeddedKafka.builder().brokerProperty("num.io.threads", null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsBadListeners() {
    assertThatThrownBy(() -> EmbeddedKafka.builder().listener("ssl", SecurityProtocol.SSL))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Listener name must match");
    assertThatThrownBy(() -> EmbeddedKafka.builder().listener("CONTROLLER", SecurityProtocol.PLAINTEXT))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already defined");
  }

  @Test
  void hasNoAddressBeforeItStarts() {
    EmbeddedKafka kafka = EmbeddedKafka.builder().build();
    assertThatThrownBy(kafka::bootstrapServers)
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("not been started");
    assertThatThrownBy(() -> kafka.createTopic("t", 1)).isInstanceOf(IllegalStateException.class);
    assertThat(kafka.isRunning()).isFalse();
  }

  @Test
  void invalidBrokerPropertyFailsTheStartAndLeavesNothingBehind() {
    EmbeddedKafka kafka = EmbeddedKafka.builder().brokerProperty("num.io.threads", "many").build();

    assertThatThrownBy(kafka::start).hasRootCauseInstanceOf(ConfigException.class)
        .rootCause().hasMessageContaining("num.io.threads");
    assertThat(kafka.isRunning()).isFalse();
    assertThat(kafka.directory()).isNull();
    assertThat(kafka.ports()).isEmpty();
  }
}
