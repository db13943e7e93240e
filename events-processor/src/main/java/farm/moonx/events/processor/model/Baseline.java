package farm.moonx.events.processor.model;

import java.util.List;

/**
 * A catalog as released: the committed catalog JSON ({@code META-INF/events/<Catalog>.json}
 * format) the compatibility check compares the compiled catalog with.
 *
 * @param catalog the catalog's name
 * @param path where the file was read from, for messages
 * @param events every version of every event in it
 */
public record Baseline(String catalog, String path, List<Event> events) {
  /** Copies the events. */
  public Baseline {
    events = List.copyOf(events);
  }

  /**
   * One event version as released.
   *
   * @param name the event name
   * @param version its version, {@code major.minor}
   * @param recordClass the record's qualified name
   * @param classification lowercase, e.g. {@code confidential}
   * @param partitionKey the key component's name, or null
   * @param components the record's components in declaration order
   */
  public record Event(
      String name, String version, String recordClass, String classification, String partitionKey,
      List<Component> components) {
    /** Copies the components. */
    public Event {
      components = List.copyOf(components);
    }
  }

  /**
   * One component as released.
   *
   * @param name its JSON name
   * @param type its Java type as the catalog writes it, e.g. {@code java.util.Optional<java.lang.String>}
   * @param required whether payloads always carry it
   */
  public record Component(String name, String type, boolean required) {}
}
