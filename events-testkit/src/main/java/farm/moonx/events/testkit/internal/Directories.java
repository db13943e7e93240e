package farm.moonx.events.testkit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** File-system helpers for the broker's temporary directory. */
public final class Directories {

  private Directories() {}

  /** Deletes {@code root} and everything below it; does nothing if it does not exist. */
  public static void deleteRecursively(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    List<Path> deepestFirst;
    try (Stream<Path> walk = Files.walk(root)) {
      deepestFirst = walk.sorted(Comparator.reverseOrder()).collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not list " + root + " for deletion", e);
    }
    for (Path path : deepestFirst) {
      try {
        Files.deleteIfExists(path);
      } catch (IOException e) {
        throw new UncheckedIOException("Could not delete " + path, e);
      }
    }
  }
}
