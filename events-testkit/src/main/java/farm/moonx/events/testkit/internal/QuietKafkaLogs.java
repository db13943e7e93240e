package farm.moonx.events.testkit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import org.slf4j.LoggerFactory;

/**
 * Keeps the in-process broker and the Kafka clients of a test run at WARN, so a test prints its
 * own lines and not thousands of broker INFO lines (a start alone writes a few hundred, every
 * client dumps its whole configuration). One switch asks for more: the system property {@value
 * #SWITCH_PROPERTY} or the environment variable {@value #SWITCH_ENV}, set to a level such as
 * {@code info} or {@code debug}.
 *
 * <p>SLF4J has no API to set a level, so this speaks to the two bindings tests mostly use:
 * slf4j-simple (through its system properties, read when a logger is created) and Logback
 * (through its API, when it is the binding). A level the project's own configuration sets for one
 * of these loggers is kept, unless the switch is set. Other bindings are left alone; their
 * configuration decides.
 */
public final class QuietKafkaLogs {

  /** The switch, as a system property. */
  public static final String SWITCH_PROPERTY = "moonx.events.test.log";
  /** The switch, as an environment variable. */
  public static final String SWITCH_ENV = "MOONX_EVENTS_TEST_LOG";

  /** The broker's, the controller's and the clients' logger roots. */
  static final List<String> KAFKA_LOGGERS = List.of("kafka", "org.apache.kafka", "state.change.logger");

  private static final String SIMPLE_PREFIX = "org.slf4j.simpleLogger.log.";
  private static final String DEFAULT_LEVEL = "warn";

  private QuietKafkaLogs() {}

  /** Applies the level for this JVM: the switch's if set, otherwise WARN where not configured. */
  public static void apply() {
    apply(System.getenv(), System::getProperty);
  }

  static void apply(Map<String, String> environment, Function<String, String> systemProperties) {
    String requested = systemProperties.apply(SWITCH_PROPERTY);
    if (requested == null || requested.isBlank()) {
      requested = environment.get(SWITCH_ENV);
    }
    boolean forced = requested != null && !requested.isBlank();
    String level = forced ? requested.trim().toLowerCase(Locale.ROOT) : DEFAULT_LEVEL;
    String binding = LoggerFactory.getILoggerFactory().getClass().getName();
    if (binding.equals("org.slf4j.simple.SimpleLoggerFactory")) {
      applySimple(level, forced, systemProperties);
    } else if (binding.equals("ch.qos.logback.classic.LoggerContext")) {
      LogbackLevels.apply(KAFKA_LOGGERS, level, forced);
    }
  }

  /**
   * slf4j-simple reads {@code org.slf4j.simpleLogger.log.<name>} from the system properties first,
   * then from {@code simplelogger.properties}, when a logger is first created: setting them before
   * the broker starts covers the broker and every client created later.
   */
  private static void applySimple(String level, boolean forced, Function<String, String> systemProperties) {
    Properties file = simpleLoggerFile();
    for (String logger : KAFKA_LOGGERS) {
      String key = SIMPLE_PREFIX + logger;
      boolean configured = systemProperties.apply(key) != null || file.getProperty(key) != null;
      if (forced || !configured) {
        System.setProperty(key, level);
      }
    }
  }

  /** The {@code simplelogger.properties} slf4j-simple reads: from the context class loader, as it does. */
  private static Properties simpleLoggerFile() {
    Properties properties = new Properties();
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = ClassLoader.getSystemClassLoader();
    }
    try (InputStream in = loader.getResourceAsStream("simplelogger.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read simplelogger.properties", e);
    }
    return properties;
  }
}
