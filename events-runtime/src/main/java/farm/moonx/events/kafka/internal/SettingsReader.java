package farm.moonx.events.kafka.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the {@code fromProperties}/{@code fromEnv} form of the publisher and consumer configs.
 * Keys under {@value #PREFIX} are ours and are checked (a misspelt one is an error, not a
 * silently ignored option); every other key is a kafka-clients property passed through
 * untouched.
 */
public final class SettingsReader {
  /** The prefix of the keys the configs read themselves. */
  public static final String PREFIX = "moonx.events.";

  private final Map<String, String> own = new LinkedHashMap<>();
  private final Map<String, Object> kafka = new LinkedHashMap<>();
  private final Set<String> read = new TreeSet<>();

  private SettingsReader(Properties properties) {
    for (String key : properties.stringPropertyNames()) {
      String value = properties.getProperty(key);
      if (key.startsWith(PREFIX)) {
        own.put(key.substring(PREFIX.length()), value);
      } else {
        kafka.put(key, value);
      }
    }
  }

  /** A reader over {@code properties}. */
  public static SettingsReader of(Properties properties) {
    return new SettingsReader(properties);
  }

  /**
   * Environment variables as properties: {@code MOONX_EVENTS_SERVICE_NAME} becomes
   * {@code moonx.events.service.name}, {@code KAFKA_BOOTSTRAP_SERVERS} becomes
   * {@code bootstrap.servers} (lowercase, {@code _} to {@code .}); other variables are ignored.
   */
  public static Properties fromEnv(Map<String, String> env) {
    Properties properties = new Properties();
    env.forEach((name, value) -> {
      if (name.startsWith("MOONX_EVENTS_") || name.startsWith("KAFKA_")) {
        String key = name.startsWith("KAFKA_") ? name.substring("KAFKA_".length()) : name;
        properties.setProperty(key.toLowerCase(Locale.ROOT).replace('_', '.'), value);
      }
    });
    return properties;
  }

  /** Our setting {@code key} (without the prefix), if present and not blank. */
  public Optional<String> string(String key) {
    read.add(key);
    String value = own.get(key);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  /** A {@code true}/{@code false} setting; anything else is an error naming the key. */
  public Optional<Boolean> bool(String key) {
    return string(key).map(v -> switch (v.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw invalid(key, v, "true or false");
    });
  }

  /** An integer setting. */
  public Optional<Integer> integer(String key) {
    return string(key).map(v -> {
      try {
        return Integer.parseInt(v);
      } catch (NumberFormatException e) {
        throw invalid(key, v, "an integer");
      }
    });
  }

  /** A duration given in milliseconds. */
  public Optional<Duration> millis(String key) {
    return string(key).map(v -> {
      try {
        return Duration.ofMillis(Long.parseLong(v));
      } catch (NumberFormatException e) {
        throw invalid(key, v, "a number of milliseconds");
      }
    });
  }

  /** A comma-separated list (empty when absent). */
  public List<String> list(String key) {
    return string(key)
        .map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
        .orElse(List.of());
  }

  /** Every key not under {@value #PREFIX}, untouched. */
  public Map<String, Object> kafkaProperties() {
    return kafka;
  }

  /**
   * Fails if a key under {@value #PREFIX} was never read: it is misspelt or unsupported.
   *
   * @throws IllegalArgumentException naming the unknown keys and the known ones
   */
  public void rejectUnknown(String configName) {
    List<String> unknown = new ArrayList<>();
    for (String key : own.keySet()) {
      if (!read.contains(key)) {
        unknown.add(PREFIX + key);
      }
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(configName + ": unknown setting(s) " + unknown
          + "; known: " + read.stream().map(k -> PREFIX + k).toList());
    }
  }

  private static IllegalArgumentException invalid(String key, String value, String expected) {
    return new IllegalArgumentException(
        PREFIX + key + " must be " + expected + ", got \"" + value + "\"");
  }
}
