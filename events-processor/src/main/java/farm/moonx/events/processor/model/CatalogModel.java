package farm.moonx.events.processor.model;

import java.util.Comparator;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/**
 * The events of one package, grouped as a catalog.
 *
 * @param name the catalog's name ({@code Payments})
 * @param packageName where everything is generated
 * @param topic the catalog's topic
 * @param element the element carrying {@code @EventCatalog}, or the package when defaulted
 * @param annotation the {@code @EventCatalog} mirror, or null when defaulted
 * @param nameValue the name and its annotation value
 * @param events the valid events (the newest version of each name), sorted by name
 * @param older the older major versions still read, sorted by name and major
 */
public record CatalogModel(
    String name,
    String packageName,
    String topic,
    Element element,
    AnnotationMirror annotation,
    Attribute nameValue,
    List<EventModel> events,
    List<OlderVersion> older) {
  /** Copies the events. */
  public CatalogModel {
    events = List.copyOf(events);
    older = List.copyOf(older);
  }

  /** A catalog whose events have one version each. */
  public CatalogModel(String name, String packageName, String topic, Element element, AnnotationMirror annotation,
      Attribute nameValue, List<EventModel> events) {
    this(name, packageName, topic, element, annotation, nameValue, events, List.of());
  }

  /** The older versions of the event named {@code eventName}, oldest first. */
  public List<OlderVersion> olderOf(String eventName) {
    return older.stream().filter(o -> o.event().name().text().equals(eventName))
        .sorted(Comparator.comparingInt(OlderVersion::major)).toList();
  }
}
