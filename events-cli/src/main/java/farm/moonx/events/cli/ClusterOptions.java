package farm.moonx.events.cli;

import farm.moonx.events.EventRegistry;
import farm.moonx.events.kafka.DeadLetters;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Where the dead letters are and how to reach the cluster: shared by every command. */
final class ClusterOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(names = {"-t", "--topic"}, required = true, description = "The dead-letter topic, e.g. orders.dlq.")
  String topic;

  @Option(names = {"-b", "--bootstrap-servers"}, defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS}",
      description = "host:port[,host:port…] (default: $KAFKA_BOOTSTRAP_SERVERS).")
  String bootstrapServers;

  @Option(names = {"-c", "--command-config"}, paramLabel = "<file>",
      description = "A properties file of Kafka client settings (TLS, SASL, …), as kafka-console-consumer takes.")
  Path commandConfig;

  @Option(names = {"-X", "--property"}, paramLabel = "<key=value>",
      description = "Any Kafka client property; overrides the command config. Repeatable.")
  Map<String, String> properties = new LinkedHashMap<>();

  @Option(names = "--events-jar", paramLabel = "<jar>",
      description = "A jar of event catalogs to decode with (besides the class path). Repeatable.")
  List<Path> eventJars = new ArrayList<>();

  /** The reader over {@link #topic} with every client setting given. */
  DeadLetters open() {
    DeadLetters.Builder builder = DeadLetters.builder(topic).registry(registry());
    Map<String, String> all = new LinkedHashMap<>();
    if (commandConfig != null) {
      Properties file = new Properties();
      try (InputStream in = Files.newInputStream(commandConfig)) {
        file.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + commandConfig, e);
      }
      file.stringPropertyNames().forEach(k -> all.put(k, file.getProperty(k)));
    }
    if (bootstrapServers != null && !bootstrapServers.isBlank()) {
      all.put("bootstrap.servers", bootstrapServers);
    }
    all.putAll(properties);
    if (!all.containsKey("bootstrap.servers")) {
      throw new ParameterException(spec.commandLine(),
          "no bootstrap servers: give --bootstrap-servers, bootstrap.servers in --command-config, or set KAFKA_BOOTSTRAP_SERVERS");
    }
    all.forEach(builder::property);
    return builder.build();
  }

  private EventRegistry registry() {
    if (eventJars.isEmpty()) {
      return EventRegistry.load(Main.class.getClassLoader());
    }
    List<URL> urls = new ArrayList<>();
    for (Path jar : eventJars) {
      try {
        urls.add(jar.toUri().toURL());
      } catch (MalformedURLException e) {
        throw new ParameterException(spec.commandLine(), "not a jar path: " + jar);
      }
    }
    // Lives as long as the process: the decoded events' classes come from it.
    return EventRegistry.load(new URLClassLoader(urls.toArray(URL[]::new), Main.class.getClassLoader()));
  }
}
