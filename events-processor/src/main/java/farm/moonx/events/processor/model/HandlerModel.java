package farm.moonx.events.processor.model;

import java.util.List;
import javax.lang.model.element.Element;

/**
 * What a handler interface and its dispatcher cover: a catalog's events or a consumer's
 * selection.
 *
 * @param prefix the catalog's or consumer's name, prefixing the generated types
 * @param packageName where they are generated
 * @param events the events, sorted by name
 * @param originating the elements the generated files derive from
 */
public record HandlerModel(String prefix, String packageName, List<KnownEvent> events, List<Element> originating) {
  /** Copies the lists. */
  public HandlerModel {
    events = List.copyOf(events);
    originating = List.copyOf(originating);
  }
}
