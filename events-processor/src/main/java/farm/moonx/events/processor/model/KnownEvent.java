package farm.moonx.events.processor.model;

import javax.lang.model.element.Element;

/**
 * An event visible to the compilation, from one of its own catalogs or from a catalog on the
 * class path: enough to reference its descriptor and record from generated code.
 *
 * @param name the event name
 * @param record the record class
 * @param registry the generated registry class holding the descriptor
 * @param constant the descriptor constant's name in {@code registry}
 * @param catalog the catalog's name
 * @param element the record element when it is compiled here, or null when it comes from a jar
 */
public record KnownEvent(
    String name, TypeRef record, TypeRef registry, String constant, String catalog, Element element) {

  /** Whether the event is declared by this compilation. */
  public boolean local() {
    return element != null;
  }
}
