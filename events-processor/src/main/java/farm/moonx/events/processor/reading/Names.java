package farm.moonx.events.processor.reading;

import farm.moonx.events.processor.model.TypeRef;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;

/** Turns elements into {@link TypeRef}s. */
public final class Names {
  private Names() {}

  /** The reference to {@code type}, keeping its enclosing types. */
  public static TypeRef ref(TypeElement type) {
    Deque<String> simpleNames = new ArrayDeque<>();
    Element e = type;
    while (e.getKind() != ElementKind.PACKAGE) {
      simpleNames.addFirst(e.getSimpleName().toString());
      e = e.getEnclosingElement();
    }
    return new TypeRef(((PackageElement) e).getQualifiedName().toString(), simpleNames.stream().toList());
  }

  /** The package of {@code element}. */
  public static PackageElement packageOf(Element element) {
    Element e = element;
    while (e.getKind() != ElementKind.PACKAGE) {
      e = e.getEnclosingElement();
    }
    return (PackageElement) e;
  }
}
