package farm.moonx.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  /**
   * What a user can reach from the API and SPI: no public or protected signature (supertype,
   * method, constructor, field, nested type) names a type from an {@code internal} package, so
   * using the API never means depending on an internal one.
   */
  @Test
  void noApiOrSpiSignatureNamesAnInternalType() throws Exception {
    List<String> leaks = new ArrayList<>();
    for (String name : publicTopLevelTypes()) {
      signatures(Class.forName(name), leaks);
    }
    assertThat(leaks).isEmpty();
  }

  /**
   * What a user is told: no javadoc of an API or SPI source links to, or tells users to extend,
   * a type from an {@code internal} package (they may change in any release).
   */
  @Test
  void noApiOrSpiJavadocSendsUsersToAnInternalType() throws IOException {
    Path sources = Path.of("src/main/java/farm/moonx/events");
    Pattern internalImport = Pattern.compile("^import (farm\\.moonx\\.events\\.(?:[a-z]+\\.)*internal\\.(\\w+));", Pattern.MULTILINE);
    List<String> found = new ArrayList<>();
    for (Path dir : List.of(sources, sources.resolve("kafka"), sources.resolve("spi"))) {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
          String text = Files.readString(file);
          Matcher imported = internalImport.matcher(text);
          while (imported.find()) {
            if (Pattern.compile("\\{@link(?:plain)? " + imported.group(2) + "\\b").matcher(text).find()) {
              found.add(sources.relativize(file) + " links to " + imported.group(1));
            }
          }
          Matcher qualified = Pattern.compile("\\{@link(?:plain)? (farm\\.moonx\\.events\\.(?:\\w+\\.)*internal\\.\\w+)").matcher(text);
          while (qualified.find()) {
            found.add(sources.relativize(file) + " links to " + qualified.group(1));
          }
        }
      }
    }
    assertThat(found).isEmpty();
  }

  private static void signatures(Class<?> type, List<String> leaks) {
    String where = type.getName();
    check(where + " extends", type.getGenericSuperclass(), leaks);
    for (Type i : type.getGenericInterfaces()) {
      check(where + " implements", i, leaks);
    }
    for (Method m : type.getDeclaredMethods()) {
      if (visible(m.getModifiers()) && !m.isSynthetic()) {
        String at = where + "." + m.getName();
        check(at, m.getGenericReturnType(), leaks);
        for (Type p : m.getGenericParameterTypes()) {
          check(at, p, leaks);
        }
        for (Type e : m.getGenericExceptionTypes()) {
          check(at, e, leaks);
        }
      }
    }
    for (Constructor<?> c : type.getDeclaredConstructors()) {
      if (visible(c.getModifiers())) {
        for (Type p : c.getGenericParameterTypes()) {
          check(where + ".<init>", p, leaks);
        }
      }
    }
    for (Field f : type.getDeclaredFields()) {
      if (visible(f.getModifiers()) && !f.isSynthetic()) {
        check(where + "." + f.getName(), f.getGenericType(), leaks);
      }
    }
    for (Class<?> nested : type.getDeclaredClasses()) {
      if (visible(nested.getModifiers())) {
        signatures(nested, leaks);
      }
    }
  }

  private static boolean visible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static void check(String where, Type type, List<String> leaks) {
    check(where, type, leaks, new HashSet<>());
  }

  private static void check(String where, Type type, List<String> leaks, Set<Type> seen) {
    if (type == null || !seen.add(type)) {
      return;
    }
    if (type instanceof Class<?> c) {
      if (c.getName().contains(".internal.")) {
        leaks.add(where + " names " + c.getName());
      }
      if (c.isArray()) {
        check(where, c.getComponentType(), leaks, seen);
      }
    } else if (type instanceof ParameterizedType p) {
      check(where, p.getRawType(), leaks, seen);
      for (Type a : p.getActualTypeArguments()) {
        check(where, a, leaks, seen);
      }
    } else if (type instanceof WildcardType w) {
      for (Type b : w.getUpperBounds()) {
        check(where, b, leaks, seen);
      }
      for (Type b : w.getLowerBounds()) {
        check(where, b, leaks, seen);
      }
    } else if (type instanceof GenericArrayType a) {
      check(where, a.getGenericComponentType(), leaks, seen);
    } else if (type instanceof TypeVariable<?> v) {
      for (Type b : v.getBounds()) {
        check(where, b, leaks, seen);
      }
    }
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
