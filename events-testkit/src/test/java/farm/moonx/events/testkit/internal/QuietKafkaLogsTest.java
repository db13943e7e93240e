package farm.moonx.events.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Runs under slf4j-simple, the binding of this module's tests (no level set for Kafka's loggers). */
class QuietKafkaLogsTest {

  private final Map<String, String> saved = new HashMap<>();

  @BeforeEach
  void saveLevels() {
    QuietKafkaLogs.KAFKA_LOGGERS.forEach(name -> saved.put(name, System.getProperty(key(name))));
  }

  @AfterEach
  void restoreLevels() {
    saved.forEach((name, value) -> {
      if (value == null) {
        System.clearProperty(key(name));
      } else {
        System.setProperty(key(name), value);
      }
    });
  }

  @Test
  void keepsKafkaLoggersAtWarnByDefault() {
    QuietKafkaLogs.KAFKA_LOGGERS.forEach(name -> System.clearProperty(key(name)));

    QuietKafkaLogs.apply(Map.of(), key -> null);

    QuietKafkaLogs.KAFKA_LOGGERS.forEach(name -> assertThat(System.getProperty(key(name))).isEqualTo("warn"));
    // A logger created now, as the broker's and clients' are, is at WARN.
    org.slf4j.Logger client = LoggerFactory.getLogger("org.apache.kafka.clients.quiet.Probe");
    assertThat(client.isInfoEnabled()).isFalse();
    assertThat(client.isWarnEnabled()).isTrue();
  }

  @Test
  void theSwitchSetsTheLevelEvenOverAProjectSetting() {
    System.setProperty(key("kafka"), "error");

    QuietKafkaLogs.apply(Map.of(QuietKafkaLogs.SWITCH_ENV, "INFO"), key -> null);

    QuietKafkaLogs.KAFKA_LOGGERS.forEach(name -> assertThat(System.getProperty(key(name))).isEqualTo("info"));
    assertThat(LoggerFactory.getLogger("kafka.quiet.SwitchProbe").isInfoEnabled()).isTrue();
  }

  @Test
  void keepsALevelTheProjectSetWhenTheSwitchIsOff() {
    System.setProperty(key("kafka"), "error");

    QuietKafkaLogs.apply(Map.of(), System::getProperty);

    assertThat(System.getProperty(key("kafka"))).isEqualTo("error");
  }

  private static String key(String logger) {
    return "org.slf4j.simpleLogger.log." + logger;
  }
}
