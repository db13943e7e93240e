package farm.moonx.events.processor.reading;

import farm.moonx.events.processor.model.Baseline;
import farm.moonx.events.processor.model.CatalogModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.VariableElement;

/**
 * Where the committed baselines live ({@code -Amoonx.events.baseline=<dir>}, one
 * {@code <Catalog>.json} per catalog, the catalog JSON format) and whether this build writes
 * them ({@code -Amoonx.events.baseline.write=true}) instead of checking against them.
 */
public final class Baselines {
  /** The option naming the baseline directory. */
  public static final String DIRECTORY = "moonx.events.baseline";
  /** The option that makes the build write (refresh) the baselines instead of checking. */
  public static final String WRITE = "moonx.events.baseline.write";
  /** Every option the processor reads. */
  public static final Set<String> OPTIONS = Set.of(DIRECTORY, WRITE);

  private final Path directory;
  private final boolean write;

  /** The baselines the processor {@code options} name. */
  public Baselines(Map<String, String> options) {
    String dir = options.get(DIRECTORY);
    this.directory = dir == null || dir.isBlank() ? null : Path.of(dir.trim()).toAbsolutePath().normalize();
    this.write = Boolean.parseBoolean(options.getOrDefault(WRITE, "false").trim());
  }

  /** Whether a baseline directory is configured. */
  public boolean configured() {
    return directory != null;
  }

  /** Whether this build writes the baselines instead of checking. */
  public boolean writing() {
    return write;
  }

  /** The baseline file of {@code catalog}. */
  public Path path(String catalog) {
    return directory.resolve(catalog + ".json");
  }

  /** Writes {@code json} (the catalog JSON) as the baseline of {@code catalog}. */
  public void write(String catalog, String json) throws IOException {
    Files.createDirectories(directory);
    Files.writeString(path(catalog), json, StandardCharsets.UTF_8);
  }

  /**
   * The baseline of {@code catalog}, or null when it has none.
   *
   * @throws IllegalArgumentException if the file is not a catalog JSON
   */
  public Baseline read(String catalog) throws IOException {
    Path file = path(catalog);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    Object root = JsonText.parse(Files.readString(file, StandardCharsets.UTF_8));
    List<Baseline.Event> events = new ArrayList<>();
    for (Object e : list(map(root).get("events"), "events")) {
      Map<String, Object> event = map(e);
      List<Baseline.Component> components = new ArrayList<>();
      for (Object c : list(event.get("components"), "components")) {
        Map<String, Object> component = map(c);
        components.add(new Baseline.Component(text(component, "name"), text(component, "type"),
            Boolean.TRUE.equals(component.get("required"))));
      }
      events.add(new Baseline.Event(text(event, "name"), text(event, "version"), text(event, "recordClass"),
          text(event, "classification"), (String) event.get("partitionKey"), components));
    }
    return new Baseline(catalog, file.toString(), events);
  }

  /** The compatibility mode of {@code catalog}: its {@code @EventCatalog(compatibility)}, else FULL. */
  public static String mode(CatalogModel catalog) {
    AnnotationValue value = catalog.annotation() == null ? null
        : Annotations.value(catalog.annotation(), "compatibility");
    return value != null && value.getValue() instanceof VariableElement v ? v.getSimpleName().toString() : "FULL";
  }

  @SuppressWarnings("unchecked") // JsonText builds objects as Map<String, Object>
  private static Map<String, Object> map(Object value) {
    if (value instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    throw new IllegalArgumentException("expected an object, found " + value);
  }

  private static List<?> list(Object value, String field) {
    if (value instanceof List<?> l) {
      return l;
    }
    throw new IllegalArgumentException("\"" + field + "\" must be an array");
  }

  private static String text(Map<String, Object> object, String field) {
    if (object.get(field) instanceof String s) {
      return s;
    }
    throw new IllegalArgumentException("\"" + field + "\" must be a string in " + object.keySet());
  }
}
