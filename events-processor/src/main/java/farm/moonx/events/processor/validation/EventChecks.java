package farm.moonx.events.processor.validation;

import farm.moonx.events.annotations.EventNames;
import farm.moonx.events.processor.model.EventModel;
import farm.moonx.events.processor.model.FieldModel;
import farm.moonx.events.processor.model.RecordModel;
import farm.moonx.events.processor.model.ScalarKind;
import farm.moonx.events.processor.model.Shape;
import farm.moonx.events.processor.model.TypeRef;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Checks one event on its own: the element is an accessible, non-generic record; its name and
 * version are well formed; every component (of it and of the records nested in it) has a
 * supported, accessible type; its partition key is single and usable. Records shared by
 * several events are checked once.
 */
public final class EventChecks {
  /** A lowercase dotted hierarchy of at least two segments. */

  private final Reporter reporter;
  private final Elements elements;
  private final Map<TypeElement, Boolean> checkedRecords = new HashMap<>();

  /** A validator reporting through {@code reporter}. */
  public EventChecks(Reporter reporter, Elements elements) {
    this.reporter = reporter;
    this.elements = elements;
  }

  /** Whether {@code event} is valid; every problem found has been reported. */
  public boolean validate(EventModel event) {
    TypeElement element = event.element();
    if (event.record() == null) {
      String kind = element.getKind().toString().toLowerCase(Locale.ROOT).replace('_', ' ');
      reporter.report(Message.EVENT_TYPE_NOT_RECORD, element, event.annotation(), null,
          element.getSimpleName(), (kind.startsWith("a") || kind.startsWith("e") || kind.startsWith("i") ? "an " : "a ") + kind,
          element.getSimpleName());
      return false;
    }
    int before = reporter.errorCount();
    if (!element.getTypeParameters().isEmpty()) {
      reporter.report(Message.EVENT_TYPE_GENERIC, element, element.getSimpleName());
    }
    String inaccessible = publicProblem(element, elements);
    if (inaccessible != null) {
      reporter.report(Message.EVENT_TYPE_NOT_ACCESSIBLE, element, element.getSimpleName(), inaccessible);
    }
    String name = event.name().text();
    if (!EventNames.isEventName(name)) {
      String suggestion = suggestName(name);
      reporter.report(Message.EVENT_TYPE_NAME_INVALID, element, event.annotation(), event.name().value(), name,
          suggestion == null ? "" : "; did you mean \"" + suggestion + "\"?");
    }
    if (!EventNames.isVersion(event.version().text())) {
      reporter.report(Message.EVENT_TYPE_VERSION_INVALID, element, event.annotation(), event.version().value(),
          event.version().text());
    }
    checkPartitionKey(event);
    boolean recordsValid = checkRecord(event.record());
    for (RecordModel nested : event.nested()) {
      recordsValid &= checkRecord(nested);
    }
    return recordsValid && reporter.errorCount() == before;
  }

  private void checkPartitionKey(EventModel event) {
    List<FieldModel> keys = event.record().fields().stream().filter(FieldModel::partitionKey).toList();
    if (keys.size() > 1) {
      reporter.report(Message.PARTITION_KEY_DUPLICATE, keys.get(1).element(), event.element().getSimpleName(),
          keys.stream().map(FieldModel::name).collect(Collectors.joining(", ")));
    }
    for (FieldModel key : keys) {
      if (!validKeyShape(key.shape())) {
        reporter.report(Message.PARTITION_KEY_UNSUPPORTED, key.element(), key.name(), key.element().asType());
      }
    }
  }

  private static boolean validKeyShape(Shape shape) {
    if (shape instanceof Shape.EnumShape) {
      return true;
    }
    if (shape instanceof Shape.Scalar s) {
      ScalarKind k = s.kind();
      return k.primitiveName() != null || k == ScalarKind.STRING || k == ScalarKind.UUID
          || k == ScalarKind.BIG_DECIMAL || k == ScalarKind.BIG_INTEGER || k == ScalarKind.LOCAL_DATE;
    }
    return false;
  }

  /** Checks every component of {@code record} once, however many events share it. */
  private boolean checkRecord(RecordModel record) {
    Boolean known = checkedRecords.get(record.element());
    if (known != null) {
      return known;
    }
    boolean valid = true;
    String codecPackage = record.type().packageName();
    for (FieldModel field : record.fields()) {
      Shape.Unsupported unsupported = field.shape().firstUnsupported();
      if (unsupported != null) {
        reporter.report(Message.COMPONENT_TYPE_UNSUPPORTED, field.element(), field.name(),
            field.element().asType(), unsupported.reason());
        valid = false;
        continue;
      }
      TypeRef hidden = firstInaccessible(field.shape(), codecPackage);
      if (hidden != null) {
        reporter.report(Message.COMPONENT_TYPE_NOT_ACCESSIBLE, field.element(), field.name(),
            hidden.qualifiedName(), codecPackage);
        valid = false;
      }
      if (field.shape().isMutable() && !field.mutableSuppressed()) {
        reporter.report(Message.COMPONENT_MUTABLE, field.element(), field.name(), field.element().asType());
      }
    }
    checkedRecords.put(record.element(), valid);
    return valid;
  }

  /** The first enum or record in {@code shape} that code in {@code pkg} cannot reference. */
  private TypeRef firstInaccessible(Shape shape, String pkg) {
    TypeRef ref = null;
    if (shape instanceof Shape.EnumShape e) {
      ref = e.type();
    } else if (shape instanceof Shape.RecordShape r) {
      ref = r.type();
    } else if (shape instanceof Shape.CollectionShape c) {
      return firstInaccessible(c.element(), pkg);
    } else if (shape instanceof Shape.MapShape m) {
      return firstInaccessible(m.value(), pkg);
    } else if (shape instanceof Shape.OptionalShape o) {
      return firstInaccessible(o.value(), pkg);
    } else if (shape instanceof Shape.ArrayShape a) {
      return firstInaccessible(a.element(), pkg);
    }
    if (ref == null) {
      return null;
    }
    TypeElement type = elements.getTypeElement(ref.qualifiedName());
    if (type == null) {
      return null;
    }
    boolean samePackage = ref.packageName().equals(pkg);
    for (Element e = type; e.getKind() != ElementKind.PACKAGE; e = e.getEnclosingElement()) {
      boolean ok = e.getModifiers().contains(Modifier.PUBLIC)
          || (samePackage && !e.getModifiers().contains(Modifier.PRIVATE));
      if (!ok) {
        return ref;
      }
    }
    return null;
  }

  /** Why {@code type} cannot be used from other packages, or null if it can. */
  private static String publicProblem(TypeElement type, Elements elements) {
    if (elements.getPackageOf(type).isUnnamed()) {
      return "it is in the unnamed package";
    }
    for (Element e = type; e.getKind() != ElementKind.PACKAGE; e = e.getEnclosingElement()) {
      if (!e.getModifiers().contains(Modifier.PUBLIC)) {
        return e == type ? "it is not public" : "its enclosing type " + e.getSimpleName() + " is not public";
      }
    }
    return null;
  }

  /** A well-formed name close to {@code name} (case, camel humps, stray dots), or null. */
  static String suggestName(String name) {
    String dotted = name.replaceAll("([a-z0-9])([A-Z])", "$1.$2").toLowerCase(Locale.ROOT)
        .replaceAll("\\.+", ".").replaceAll("^\\.|\\.$", "").replace(' ', '-');
    return !dotted.equals(name) && EventNames.isEventName(dotted) ? dotted : null;
  }
}
