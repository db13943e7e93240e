package farm.moonx.events.processor.model;

/**
 * How one component type maps to JSON: the closed set of shapes the generated codecs can
 * write and read. Containers nest ({@code List<Map<String, Address>>}).
 */
public sealed interface Shape {

  /** A value written as one JSON scalar (or, for {@code byte[]}, one base64 string). */
  record Scalar(ScalarKind kind, boolean primitive) implements Shape {}

  /** An enum, written as its constant's name. */
  record EnumShape(TypeRef type) implements Shape {}

  /** A record with its own generated codec. */
  record RecordShape(TypeRef type) implements Shape {}

  /** A {@code List}, {@code Set} or {@code Collection}, written as a JSON array. */
  record CollectionShape(CollectionKind kind, Shape element) implements Shape {}

  /** A {@code Map<String, V>}, written as a JSON object. */
  record MapShape(Shape value) implements Shape {}

  /** An {@code Optional<T>} component: omitted when empty. */
  record OptionalShape(Shape value) implements Shape {}

  /** An array other than {@code byte[]}, written as a JSON array. */
  record ArrayShape(Shape element) implements Shape {}

  /**
   * A type the codecs cannot handle.
   *
   * @param typeText the type as written, for the error message
   * @param reason why, e.g. {@code Map keys must be String}
   */
  record Unsupported(String typeText, String reason) implements Shape {}

  /** The kinds of collection interfaces accepted. */
  enum CollectionKind {
    LIST, SET, COLLECTION
  }

  /** Whether this shape, or any shape inside it, holds a mutable value (Date, arrays). */
  default boolean isMutable() {
    if (this instanceof Scalar s) {
      return s.kind() == ScalarKind.DATE;
    } else if (this instanceof ArrayShape) {
      return true;
    } else if (this instanceof CollectionShape c) {
      return c.element().isMutable();
    } else if (this instanceof MapShape m) {
      return m.value().isMutable();
    } else if (this instanceof OptionalShape o) {
      return o.value().isMutable();
    }
    return false;
  }

  /** The first unsupported part of this shape, or null if every part is supported. */
  default Unsupported firstUnsupported() {
    if (this instanceof Unsupported u) {
      return u;
    } else if (this instanceof CollectionShape c) {
      return c.element().firstUnsupported();
    } else if (this instanceof MapShape m) {
      return m.value().firstUnsupported();
    } else if (this instanceof OptionalShape o) {
      return o.value().firstUnsupported();
    } else if (this instanceof ArrayShape a) {
      return a.element().firstUnsupported();
    }
    return null;
  }
}
