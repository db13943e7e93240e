package farm.moonx.events.processor.reading;

import farm.moonx.events.processor.model.KnownEvent;
import farm.moonx.events.processor.model.TypeRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Finds the catalogs compiled into jars on the class path through the marker types the
 * processor generates in {@value #MARKER_PACKAGE}: listing a package's types is the one
 * portable way to discover classes with {@code javax.lang.model} ({@code Filer} cannot list
 * resources).
 */
public final class ClassPathCatalogs {
  /** Where every catalog marker lives. */
  public static final String MARKER_PACKAGE = "farm.moonx.events.generated.catalogs";
  /** The marker's annotation. */
  public static final String CATALOG_INDEX = "farm.moonx.events.annotations.internal.CatalogIndex";

  private ClassPathCatalogs() {}

  /**
   * Every event of every catalog marker visible to the compilation, except those of the
   * registries in {@code ownRegistries} (this compilation's own, already known from source).
   */
  public static List<KnownEvent> read(Elements elements, Set<String> ownRegistries) {
    List<KnownEvent> events = new ArrayList<>();
    PackageElement pkg = elements.getPackageElement(MARKER_PACKAGE);
    if (pkg == null) {
      return events;
    }
    for (Element marker : pkg.getEnclosedElements()) {
      AnnotationMirror index = Annotations.find(marker, CATALOG_INDEX);
      if (index == null) {
        continue;
      }
      TypeRef registry = typeRef(Annotations.value(index, "registry"));
      if (registry == null || ownRegistries.contains(registry.qualifiedName())) {
        continue;
      }
      String catalog = String.valueOf(Annotations.value(index, "name").getValue());
      List<AnnotationValue> names = Annotations.array(index, "events");
      List<AnnotationValue> constants = Annotations.array(index, "constants");
      List<AnnotationValue> records = Annotations.array(index, "records");
      for (int i = 0; i < names.size() && i < constants.size() && i < records.size(); i++) {
        TypeRef record = typeRef(records.get(i));
        if (record != null) {
          events.add(new KnownEvent(
              String.valueOf(names.get(i).getValue()), record, registry,
              String.valueOf(constants.get(i).getValue()), catalog, null));
        }
      }
    }
    return events;
  }

  private static TypeRef typeRef(AnnotationValue value) {
    if (value != null && value.getValue() instanceof TypeMirror type && type.getKind() == TypeKind.DECLARED) {
      return Names.ref((TypeElement) ((DeclaredType) type).asElement());
    }
    return null;
  }
}
