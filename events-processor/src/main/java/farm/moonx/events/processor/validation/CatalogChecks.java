package farm.moonx.events.processor.validation;

import farm.moonx.events.processor.model.Attribute;
import farm.moonx.events.processor.model.EventModel;
import farm.moonx.events.processor.model.KnownEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/** Checks across events and catalogs: unique event names, well-formed catalog names. */
public final class CatalogChecks {
  private final Reporter reporter;

  /** Checks reporting through {@code reporter}. */
  public CatalogChecks(Reporter reporter) {
    this.reporter = reporter;
  }

  /**
   * Reports every event name declared twice for one major version by two records of this
   * compilation (on both), or by one here and one already {@code visible}, in a class-path
   * catalog or one written in an earlier round (on the one here), and returns the events of
   * this compilation that must not be generated. Several records
   * of one name with distinct majors are versions, checked by {@link VersionChecks}.
   */
  public Set<EventModel> duplicates(List<EventModel> local, List<KnownEvent> visible) {
    Map<String, List<EventModel>> byName = new LinkedHashMap<>();
    for (EventModel event : local) {
      byName.computeIfAbsent(event.name().text() + "@" + VersionChecks.major(event), n -> new ArrayList<>()).add(event);
    }
    Map<String, KnownEvent> external = new LinkedHashMap<>();
    for (KnownEvent event : visible) {
      external.putIfAbsent(event.name(), event);
    }
    Set<EventModel> rejected = new HashSet<>();
    for (Map.Entry<String, List<EventModel>> entry : byName.entrySet()) {
      List<EventModel> same = new ArrayList<>(entry.getValue());
      same.sort(Comparator.comparing(e -> e.element().getQualifiedName().toString()));
      String name = same.get(0).name().text();
      KnownEvent jar = external.get(name);
      if (same.size() < 2 && jar == null) {
        continue;
      }
      for (EventModel event : same) {
        List<String> others = new ArrayList<>();
        for (EventModel other : same) {
          if (other != event) {
            others.add(other.element().getQualifiedName() + " in this compilation");
          }
        }
        if (jar != null) {
          // A catalog of this compilation written in an earlier round, or one from a jar.
          others.add(jar.record().qualifiedName()
              + (jar.local() ? " in this compilation" : " (catalog " + jar.catalog() + " on the class path)"));
        }
        reporter.report(Message.EVENT_TYPE_DUPLICATE, event.element(), event.annotation(), event.name().value(),
            name, String.join(" and ", others));
        rejected.add(event);
      }
    }
    return rejected;
  }

  /** Whether the catalog name is usable; reports it if not. */
  public boolean catalogName(Attribute name, Element element, AnnotationMirror annotation) {
    if (isTypePrefix(name.text())) {
      return true;
    }
    reporter.report(Message.CATALOG_NAME_INVALID, element, annotation, name.value(), name.text(), name.text());
    return false;
  }

  /** Reports a second {@code @EventCatalog} for a package already holding one. */
  public void duplicateCatalog(Element second, AnnotationMirror annotation, String pkg, Element first) {
    reporter.report(Message.CATALOG_DUPLICATE, second, annotation, null, pkg, first);
  }

  /** Whether {@code name} can prefix generated class names: an identifier, upper-case first. */
  static boolean isTypePrefix(String name) {
    return SourceVersion.isIdentifier(name) && !SourceVersion.isKeyword(name)
        && Character.isUpperCase(name.charAt(0));
  }
}
