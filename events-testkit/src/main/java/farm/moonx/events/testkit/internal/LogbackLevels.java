package farm.moonx.events.testkit.internal;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The Logback half of {@link QuietKafkaLogs}, in a class of its own so that it is loaded (and
 * Logback needed) only when Logback is the SLF4J binding.
 */
final class LogbackLevels {

  private LogbackLevels() {}

  static void apply(List<String> loggers, String level, boolean forced) {
    Level wanted = Level.toLevel(level, Level.WARN);
    for (String name : loggers) {
      Logger logger = (Logger) LoggerFactory.getLogger(name);
      // A level set by the project's logback(-test).xml is explicit (non-null): keep it.
      if (forced || logger.getLevel() == null) {
        logger.setLevel(wanted);
      }
    }
  }
}
