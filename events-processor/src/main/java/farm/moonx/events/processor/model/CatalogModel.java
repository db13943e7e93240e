package farm.moonx.events.processor.model;

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
 * @param events the valid events, sorted by name
 */
public record CatalogModel(
    String name,
    String packageName,
    String topic,
    Element element,
    AnnotationMirror annotation,
    Attribute nameValue,
    List<EventModel> events) {
  /** Copies the events. */
  public CatalogModel {
    events = List.copyOf(events);
  }
}
