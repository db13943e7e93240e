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
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the {@code fromProperties}/{@code fromEnv} form of the publisher and consumer configs.
 * Keys under {@value #PREFIX} are ours and are checked (a misspelt one is an error, not a
 * silently ignored option); every other key is a kafka-clients property passed through
 * untouched.
 *
 * <p>One environment serves a service that publishes and consumes: each config accepts the
 * other's keys (and still rejects keys neither knows), and from {@code KAFKA_*} variables only
 * property names its kafka-clients client knows are taken, so Kubernetes service links
 * ({@code KAFKA_PORT}, {@code KAFKA_SERVICE_HOST}) and {@code KAFKA_HEAP_OPTS} never become
 * client properties.
 */
public final class SettingsReader {
  private static final Logger LOG = LoggerFactory.getLogger(SettingsReader.class);

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

  /**
   * The {@code fromProperties} of a config: {@code own} reads its settings from
   * {@code properties} (into a builder), a {@value #PREFIX} key neither {@code own} nor
   * {@code other} (the config sharing the environment) reads is rejected, and what is left, the
   * kafka-clients properties, is returned for the builder's {@code property}.
   *
   * @throws IllegalArgumentException if a value does not parse or a key is unknown
   */
  public static Map<String, Object> read(
      Properties properties, String configName, Consumer<SettingsReader> own, Consumer<SettingsReader> other) {
    SettingsReader r = new SettingsReader(properties);
    own.accept(r);
    r.rejectUnknown(configName, keysReadBy(other));
    return r.kafka;
  }

  /**
   * Environment variables as properties: {@code MOONX_EVENTS_SERVICE_NAME} becomes
   * {@code moonx.events.service.name}, {@code KAFKA_BOOTSTRAP_SERVERS} becomes
   * {@code bootstrap.servers} (lowercase, {@code _} to {@code .}) if {@code clientNames} (e.g.
   * {@code ProducerConfig.configNames()}) has it. A {@code KAFKA_*} variable naming a property
   * of the other client ({@code otherClientNames}) is left to that client's config; one naming
   * neither is ignored, and all such are named (never their values) in one warning. Other
   * variables are ignored.
   */
  public static Properties fromEnv(
      Map<String, String> env, String configName, Set<String> clientNames, Set<String> otherClientNames) {
    Properties properties = new Properties();
    Set<String> ignored = new TreeSet<>();
    env.forEach((name, value) -> {
      if (name.startsWith("MOONX_EVENTS_")) {
        properties.setProperty(name.toLowerCase(Locale.ROOT).replace('_', '.'), value);
      } else if (name.startsWith("KAFKA_")) {
        String key = name.substring("KAFKA_".length()).toLowerCase(Locale.ROOT).replace('_', '.');
        if (clientNames.contains(key)) {
          properties.setProperty(key, value);
        } else if (!otherClientNames.contains(key)) {
          ignored.add(name);
        }
      }
    });
    if (!ignored.isEmpty()) {
      LOG.warn("{}: ignoring environment variables {}: no kafka-clients property has these names "
          + "(Kubernetes service links and tool settings such as KAFKA_HEAP_OPTS look like this)", configName, ignored);
    }
    return properties;
  }

  /** The keys (without the prefix) that {@code reading} reads: a config's settings, listed by running its reader. */
  private static Set<String> keysReadBy(Consumer<SettingsReader> reading) {
    SettingsReader r = new SettingsReader(new Properties());
    reading.accept(r);
    return r.read;
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

  /** One of {@code type}'s constants, named in any case. */
  public <E extends Enum<E>> Optional<E> choice(String key, Class<E> type) {
    return string(key).map(v -> {
      try {
        return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw invalid(key, v, "one of " + List.of(type.getEnumConstants()) + " (any case)");
      }
    });
  }

  /**
   * A key that is known, so a shared environment holding it is not rejected, but not used:
   * {@code why}, if not null, is logged when the key is present (it says what to set instead).
   */
  public void ignore(String key, String why) {
    if (string(key).isPresent() && why != null) {
      LOG.warn("{}{} is ignored: {}", PREFIX, key, why);
    }
  }

  /** A comma-separated list (empty when absent). */
  public List<String> list(String key) {
    return string(key)
        .map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
        .orElse(List.of());
  }

  /**
   * Fails if a key under {@value #PREFIX} was read neither by this config nor is one of
   * {@code otherConfigKeys} (the config sharing the environment): it is misspelt or unsupported.
   *
   * @throws IllegalArgumentException naming the unknown keys and the known ones
   */
  private void rejectUnknown(String configName, Set<String> otherConfigKeys) {
    List<String> unknown = new ArrayList<>();
    for (String key : own.keySet()) {
      if (!read.contains(key) && !otherConfigKeys.contains(key)) {
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
