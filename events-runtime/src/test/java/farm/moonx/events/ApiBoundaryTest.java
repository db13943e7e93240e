package farm.moonx.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The API's hard edge: the public top-level types outside {@code internal} packages are exactly
 * these. A new one (or one made public by accident) fails here until it is added on purpose;
 * the API (farm.moonx.events, .kafka) stays small, the SPI (.spi) is versioned for generated
 * code. Users on the class path can still reach public {@code internal} types; this check keeps
 * at least the set of types we promise from growing by accident.
 */
class ApiBoundaryTest {
  private static final Set<String> API = Set.of(
      "farm.moonx.events.BatchPublishResult", "farm.moonx.events.DataClassificationStrategy",
      "farm.moonx.events.Delivery", "farm.moonx.events.EventDescriptor", "farm.moonx.events.EventEnvelope",
      "farm.moonx.events.EventHandler", "farm.moonx.events.EventMetadata",
      "farm.moonx.events.EventPublisher", "farm.moonx.events.EventRegistry",
      "farm.moonx.events.EventValidationException", "farm.moonx.events.OutgoingEvent",
      "farm.moonx.events.PartitionStrategy", "farm.moonx.events.PublishOptions", "farm.moonx.events.PublishResult",
      "farm.moonx.events.kafka.DeadLetters", "farm.moonx.events.kafka.EventConsumerConfig",
      "farm.moonx.events.kafka.EventPublisherConfig",
      "farm.moonx.events.kafka.Health", "farm.moonx.events.kafka.KafkaEventConsumer",
      "farm.moonx.events.kafka.KafkaEventPublisher", "farm.moonx.events.kafka.RetryPolicy");
  private static final Set<String> SPI = Set.of(
      "CatalogRegistry", "CodecArrays", "CodecSupport", "EventCodec", "EventDispatcher", "EventFactory",
      "EventHeaders", "EventSerializer", "JacksonDatabindCodec", "JsonCodec", "JsonEventSerializer", "JsonFields",
      "JsonIn", "JsonOut", "MalformedEventException", "RecordCodec", "RecordValues", "RoutingInfo", "UnknownEventTypeException",
      "UnknownEventVersionException");

  @Test
  void thePublicTypesOutsideInternalPackagesAreExactlyTheApiAndTheSpi() throws Exception {
    Set<String> expected = new TreeSet<>(API);
    SPI.forEach(s -> expected.add("farm.moonx.events.spi." + s));
    assertThat(publicTopLevelTypes()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(API).as("the API a user learns: issue 11 aims at 20 or fewer").hasSize(21);
  }

  private static Set<String> publicTopLevelTypes() throws IOException, URISyntaxException, ClassNotFoundException {
    Path root = Path.of(EventEnvelope.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Set<String> types = new TreeSet<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = root.relativize(file).toString().replace(java.io.File.separatorChar, '.');
        name = name.substring(0, name.length() - ".class".length());
        if (name.contains("$") || name.contains(".internal.") || name.endsWith("package-info")) {
          continue;
        }
        if (Modifier.isPublic(Class.forName(name, false, ApiBoundaryTest.class.getClassLoader()).getModifiers())) {
          types.add(name);
        }
      }
    }
    return types;
  }
}
