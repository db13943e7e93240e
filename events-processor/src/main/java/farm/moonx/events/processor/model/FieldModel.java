package farm.moonx.events.processor.model;

import javax.lang.model.element.Element;

/**
 * One record component.
 *
 * @param name the component's name, also its JSON field name
 * @param shape how its type maps to JSON
 * @param nullable whether it carries a {@code @Nullable}-style annotation (any annotation whose
 *     simple name is {@code Nullable}), making it optional on the wire
 * @param partitionKey whether it carries {@code @PartitionKey}
 * @param mutableSuppressed whether {@code @SuppressWarnings("moonx-mutable")} is on it or its record
 * @param element the component, for diagnostics
 * @param sensitive whether it carries {@code @Sensitive}: its value is redacted wherever the
 *     library shows events
 */
public record FieldModel(String name, Shape shape, boolean nullable, boolean partitionKey,
    boolean mutableSuppressed, Element element, boolean sensitive) {

  /** A field that is not sensitive. */
  public FieldModel(
      String name, Shape shape, boolean nullable, boolean partitionKey, boolean mutableSuppressed, Element element) {
    this(name, shape, nullable, partitionKey, mutableSuppressed, element, false);
  }

  /** The {@code @SuppressWarnings} key that silences the mutable-component warning. */
  public static final String SUPPRESS_MUTABLE = "moonx-mutable";

  /** Whether the field must be present: primitives always; references unless Optional or nullable. */
  public boolean required() {
    if (shape instanceof Shape.Scalar s && s.primitive()) {
      return true;
    }
    return !nullable && !(shape instanceof Shape.OptionalShape);
  }

  /** Whether the Java value is a primitive (never null). */
  public boolean primitive() {
    return shape instanceof Shape.Scalar s && s.primitive();
  }
}
