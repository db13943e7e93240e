package farm.moonx.events.processor.reading;

import farm.moonx.events.processor.model.Attribute;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/** Reads annotation mirrors without loading annotation classes (their values may be unresolved). */
public final class Annotations {
  private Annotations() {}

  /** The mirror of the annotation named {@code qualifiedName} on {@code element}, or null. */
  public static AnnotationMirror find(Element element, String qualifiedName) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (name(mirror).equals(qualifiedName)) {
        return mirror;
      }
    }
    return null;
  }

  /** The annotation type's qualified name. */
  public static String name(AnnotationMirror mirror) {
    return ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
  }

  /** The annotation type's simple name. */
  public static String simpleName(AnnotationMirror mirror) {
    return mirror.getAnnotationType().asElement().getSimpleName().toString();
  }

  /** The explicit value of {@code attribute}, or null if it was left at its default. */
  public static AnnotationValue explicit(AnnotationMirror mirror, String attribute) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : mirror.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(attribute)) {
        return e.getValue();
      }
    }
    return null;
  }

  /** The value of {@code attribute}, explicit or default, or null if it has neither. */
  public static AnnotationValue value(AnnotationMirror mirror, String attribute) {
    AnnotationValue explicit = explicit(mirror, attribute);
    if (explicit != null) {
      return explicit;
    }
    for (ExecutableElement method : elementsOf(mirror)) {
      if (method.getSimpleName().contentEquals(attribute)) {
        return method.getDefaultValue();
      }
    }
    return null;
  }

  /** A string attribute with the value to point diagnostics at (null when defaulted). */
  public static Attribute string(AnnotationMirror mirror, String attribute) {
    AnnotationValue value = value(mirror, attribute);
    return new Attribute(value == null ? "" : String.valueOf(value.getValue()), explicit(mirror, attribute));
  }

  /** The elements of an array attribute, each with its own value. */
  public static List<AnnotationValue> array(AnnotationMirror mirror, String attribute) {
    AnnotationValue value = value(mirror, attribute);
    List<AnnotationValue> items = new ArrayList<>();
    if (value != null && value.getValue() instanceof List<?> list) {
      for (Object item : list) {
        items.add((AnnotationValue) item);
      }
    }
    return items;
  }

  private static List<ExecutableElement> elementsOf(AnnotationMirror mirror) {
    List<ExecutableElement> methods = new ArrayList<>();
    for (Element e : mirror.getAnnotationType().asElement().getEnclosedElements()) {
      if (e instanceof ExecutableElement m) {
        methods.add(m);
      }
    }
    return methods;
  }
}
