package farm.moonx.events.processor.reading;

import farm.moonx.events.annotations.EventType;
import farm.moonx.events.annotations.PartitionKey;
import farm.moonx.events.annotations.Sensitive;
import farm.moonx.events.processor.model.Attribute;
import farm.moonx.events.processor.model.EventModel;
import farm.moonx.events.processor.model.FieldModel;
import farm.moonx.events.processor.model.RecordModel;
import farm.moonx.events.processor.model.Shape;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/** Reads an {@code @EventType} element, its record and every record nested in it. */
public final class EventReader {
  /** The annotation read here. */
  public static final String EVENT_TYPE = EventType.class.getCanonicalName();
  /** Marks the partition key component. */
  public static final String PARTITION_KEY = PartitionKey.class.getCanonicalName();
  /** Marks a component whose value the library keeps out of logs and {@code toString}s. */
  public static final String SENSITIVE = Sensitive.class.getCanonicalName();

  private EventReader() {}

  /** Thrown when some component type is not resolvable yet; the element is retried next round. */
  public static final class Deferred extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Element component;

    Deferred(Element component, String type) {
      super(type);
      this.component = component;
    }

    /** The component whose type could not be resolved. */
    public Element component() {
      return component;
    }
  }

  /** The model of {@code element}, annotated with {@code @EventType}. */
  public static EventModel read(TypeElement element) throws Deferred {
    AnnotationMirror annotation = Annotations.find(element, EVENT_TYPE);
    Attribute name = Annotations.string(annotation, "value");
    Attribute version = Annotations.string(annotation, "version");
    AnnotationValue classification = Annotations.value(annotation, "classification");
    String classificationName =
        classification != null && classification.getValue() instanceof VariableElement v
            ? v.getSimpleName().toString()
            : "INTERNAL";
    if (element.getKind() != ElementKind.RECORD) {
      return new EventModel(element, annotation, name, version, classificationName, null, List.of());
    }
    Set<TypeElement> found = new LinkedHashSet<>();
    RecordModel record = record(element, found);
    List<RecordModel> nested = new ArrayList<>();
    Set<TypeElement> done = new LinkedHashSet<>();
    done.add(element);
    Deque<TypeElement> work = new ArrayDeque<>(found);
    while (!work.isEmpty()) {
      TypeElement next = work.poll();
      if (done.add(next)) {
        Set<TypeElement> more = new LinkedHashSet<>();
        nested.add(record(next, more));
        work.addAll(more);
      }
    }
    nested.sort(Comparator.comparing(RecordModel::type));
    return new EventModel(element, annotation, name, version, classificationName, record, nested);
  }

  private static RecordModel record(TypeElement record, Set<TypeElement> found) throws Deferred {
    boolean recordSuppressed = suppressed(record);
    List<FieldModel> fields = new ArrayList<>();
    for (RecordComponentElement component : record.getRecordComponents()) {
      Shape shape;
      try {
        shape = TypeReader.read(component.asType(), true, found);
      } catch (TypeReader.UnresolvedTypeException e) {
        throw new Deferred(located(record, component), e.getMessage());
      }
      List<AnnotationMirror> annotations = annotationsOn(record, component);
      boolean nullable = annotations.stream().anyMatch(a -> Annotations.simpleName(a).equals("Nullable"));
      boolean key = annotations.stream().anyMatch(a -> Annotations.name(a).equals(PARTITION_KEY));
      boolean suppressedHere = recordSuppressed || annotations.stream().anyMatch(EventReader::suppressesMutable);
      boolean sensitive = annotations.stream().anyMatch(a -> Annotations.name(a).equals(SENSITIVE));
      fields.add(new FieldModel(component.getSimpleName().toString(), shape, nullable, key, suppressedHere,
          located(record, component), sensitive));
    }
    return new RecordModel(Names.ref(record), record, fields);
  }

  /**
   * The element diagnostics about {@code component} go on: its field, which javac positions on
   * the component in the record header (javac 17 has no position for the component itself).
   */
  private static Element located(TypeElement record, RecordComponentElement component) {
    for (Element e : record.getEnclosedElements()) {
      if (e.getKind() == ElementKind.FIELD && e.getSimpleName().equals(component.getSimpleName())) {
        return e;
      }
    }
    return component;
  }

  /**
   * Every annotation written on a component: javac keeps each one on the component, accessor,
   * field or type, depending on the annotation's targets, so all four are searched.
   */
  private static List<AnnotationMirror> annotationsOn(TypeElement record, RecordComponentElement component) {
    List<AnnotationMirror> all = new ArrayList<>(component.getAnnotationMirrors());
    all.addAll(component.asType().getAnnotationMirrors());
    if (component.getAccessor() != null) {
      all.addAll(component.getAccessor().getAnnotationMirrors());
    }
    for (Element e : record.getEnclosedElements()) {
      if (e.getKind() == ElementKind.FIELD && e.getSimpleName().equals(component.getSimpleName())) {
        all.addAll(e.getAnnotationMirrors());
      }
    }
    return all;
  }

  /** Whether {@code @SuppressWarnings("moonx-mutable")} is on the type or one enclosing it. */
  private static boolean suppressed(Element element) {
    for (Element e = element; e != null && e.getKind() != ElementKind.PACKAGE; e = e.getEnclosingElement()) {
      if (e.getAnnotationMirrors().stream().anyMatch(EventReader::suppressesMutable)) {
        return true;
      }
    }
    return false;
  }

  private static boolean suppressesMutable(AnnotationMirror mirror) {
    if (!Annotations.name(mirror).equals("java.lang.SuppressWarnings")) {
      return false;
    }
    return Annotations.array(mirror, "value").stream()
        .anyMatch(v -> FieldModel.SUPPRESS_MUTABLE.equals(v.getValue()) || "all".equals(v.getValue()));
  }
}
