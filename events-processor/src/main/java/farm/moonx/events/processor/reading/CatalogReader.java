package farm.moonx.events.processor.reading;

import farm.moonx.events.processor.model.CatalogModel;
import farm.moonx.events.processor.model.ConsumerModel;
import farm.moonx.events.processor.model.EventModel;
import farm.moonx.events.processor.model.HandlerModel;
import farm.moonx.events.processor.model.KnownEvent;
import farm.moonx.events.processor.model.OlderVersion;
import farm.moonx.events.processor.model.TypeRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Builds the models of catalogs and consumers: the catalog each package's events belong to,
 * the events of catalogs on the class path, and the complete catalog or handler once its
 * events are checked.
 */
public final class CatalogReader {
  private final Elements elements;

  /** A reader over the compilation's {@code elements}. */
  public CatalogReader(Elements elements) {
    this.elements = elements;
  }

  /**
   * The catalog declaration of each package holding one of {@code events}, sorted by package:
   * its {@code @EventCatalog} from {@code declared}, or the package's default catalog.
   */
  public Map<String, CatalogModel> declarations(List<EventModel> events, Map<String, CatalogModel> declared) {
    Map<String, CatalogModel> byPackage = new TreeMap<>();
    for (EventModel event : events) {
      byPackage.computeIfAbsent(event.type().packageName(), pkg -> declared.containsKey(pkg)
          ? declared.get(pkg) : DeclarationReader.defaultCatalog(elements.getPackageElement(pkg)));
    }
    return byPackage;
  }

  /**
   * Every event of the catalogs on the class path, except those of {@code ownRegistries}
   * (this compilation's, known from source).
   */
  public List<KnownEvent> classPath(Set<String> ownRegistries) {
    return ClassPathCatalogs.read(elements, ownRegistries);
  }

  /** The constants of enum {@code type}, in declaration order. */
  public List<String> enumConstants(TypeRef type) {
    TypeElement element = elements.getTypeElement(type.qualifiedName());
    return element == null ? List.of() : element.getEnclosedElements().stream()
        .filter(e -> e.getKind() == ElementKind.ENUM_CONSTANT).map(e -> e.getSimpleName().toString()).toList();
  }

  /** The catalog {@code declaration} with its checked {@code events} and {@code older} versions. */
  public static CatalogModel complete(CatalogModel declaration, List<EventModel> events, List<OlderVersion> older) {
    return new CatalogModel(declaration.name(), declaration.packageName(), declaration.topic(), declaration.element(),
        declaration.annotation(), declaration.nameValue(), events, older);
  }

  /** The handler of {@code consumer} over the events it {@code selected}. */
  public static HandlerModel handler(ConsumerModel consumer, List<KnownEvent> selected) {
    List<Element> origins = new ArrayList<>();
    origins.add(consumer.element());
    selected.stream().filter(KnownEvent::local).forEach(e -> origins.add(e.element()));
    return new HandlerModel(consumer.name().text(), consumer.packageName(), selected, origins);
  }
}
