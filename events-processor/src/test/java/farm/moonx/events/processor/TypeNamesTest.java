package farm.moonx.events.processor;

import static org.assertj.core.api.Assertions.assertThat;

import farm.moonx.events.EventEnvelope;
import farm.moonx.events.annotations.EventType;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One simple name, one type: across what a user's build sees of moonx-events (the annotations,
 * the runtime, the processor), no two public top-level types share a simple name, so an
 * import is never a guess between two (the runtime and the processor once both had an
 * {@code EventValidator}). Internal packages count too: they are on the same class path.
 */
class TypeNamesTest {

  @Test
  void noTwoPublicTypesShareASimpleName() throws Exception {
    List<String> types = new ArrayList<>();
    for (Class<?> member : List.of(EventType.class, EventEnvelope.class, EventProcessor.class)) {
      types.addAll(publicTopLevelTypes(member));
    }
    assertThat(types).as("public types found").hasSizeGreaterThan(60)
        .contains(EventType.class.getName(), EventEnvelope.class.getName(), EventProcessor.class.getName());
    Map<String, List<String>> bySimpleName = types.stream().collect(
        Collectors.groupingBy(n -> n.substring(n.lastIndexOf('.') + 1), TreeMap::new, Collectors.toList()));
    bySimpleName.values().removeIf(same -> same.size() == 1);
    assertThat(bySimpleName).isEmpty();
  }

  /** The public top-level types of the jar or class directory {@code member} was loaded from. */
  private static List<String> publicTopLevelTypes(Class<?> member) throws IOException, URISyntaxException {
    Path location = Path.of(member.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> names = new ArrayList<>();
    if (Files.isDirectory(location)) {
      collect(location, names);
    } else {
      try (FileSystem jar = FileSystems.newFileSystem(location)) {
        collect(jar.getPath("/"), names);
      }
    }
    List<String> result = new ArrayList<>();
    for (String name : names) {
      try {
        Class<?> type = Class.forName(name, false, member.getClassLoader());
        if (Modifier.isPublic(type.getModifiers())) {
          result.add(name);
        }
      } catch (ClassNotFoundException | LinkageError e) {
        // a class of an optional dependency's integration that cannot load here: not ours to judge
      }
    }
    return result;
  }

  private static void collect(Path root, List<String> names) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      files.map(p -> root.relativize(p).toString().replace('\\', '/'))
          .filter(p -> p.endsWith(".class") && !p.contains("$") && !p.endsWith("module-info.class")
              && !p.endsWith("package-info.class") && !p.startsWith("META-INF/"))
          .map(p -> p.substring(0, p.length() - ".class".length()).replace('/', '.'))
          .forEach(names::add);
    }
  }
}
