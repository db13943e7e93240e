package farm.moonx.events.processor.model;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/**
 * One {@code @EventConsumer}, before its selectors are resolved.
 *
 * @param name the consumer's name and its annotation value
 * @param packageName where its handler and dispatcher are generated
 * @param element the annotated type or package
 * @param annotation the {@code @EventConsumer} mirror
 * @param selectors the {@code events} entries: exact names or {@code prefix.*}, each with its value
 */
public record ConsumerModel(
    Attribute name, String packageName, Element element, AnnotationMirror annotation, List<Attribute> selectors) {
  /** Copies the selectors. */
  public ConsumerModel {
    selectors = List.copyOf(selectors);
  }

  /**
   * Whether the event named {@code eventName} would be selected, were it visible: the consumer
   * selects everything, names it, or has a {@code prefix.*} selector it starts with.
   */
  public boolean maySelect(String eventName) {
    return selectors.isEmpty() || selectors.stream().map(Attribute::text).anyMatch(s -> s.equals(eventName)
        || s.endsWith(".*") && eventName.startsWith(s.substring(0, s.length() - 1)));
  }
}
