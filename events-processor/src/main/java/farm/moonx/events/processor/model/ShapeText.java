package farm.moonx.events.processor.model;

import java.util.Locale;

/**
 * The Java type of a {@link Shape} as text, exactly as the catalog JSON writes it
 * ({@code java.util.List<java.lang.String>}, {@code int[]}), so that a component can be compared
 * with its baseline entry.
 */
public final class ShapeText {
  private ShapeText() {}

  /** The type of {@code shape}, e.g. {@code java.util.Map<java.lang.String, java.math.BigDecimal>}. */
  public static String of(Shape shape) {
    if (shape instanceof Shape.Scalar s) {
      if (s.kind() == ScalarKind.BYTES) {
        return "byte[]";
      }
      return s.primitive() ? s.kind().primitiveName() : s.kind().className();
    } else if (shape instanceof Shape.EnumShape e) {
      return e.type().qualifiedName();
    } else if (shape instanceof Shape.RecordShape r) {
      return r.type().qualifiedName();
    } else if (shape instanceof Shape.CollectionShape c) {
      String raw = "java.util." + c.kind().name().charAt(0) + c.kind().name().substring(1).toLowerCase(Locale.ROOT);
      return raw + "<" + of(c.element()) + ">";
    } else if (shape instanceof Shape.MapShape m) {
      return "java.util.Map<java.lang.String, " + of(m.value()) + ">";
    } else if (shape instanceof Shape.OptionalShape o) {
      return "java.util.Optional<" + of(o.value()) + ">";
    } else if (shape instanceof Shape.ArrayShape a) {
      return of(a.element()) + "[]";
    }
    throw new IllegalArgumentException("no Java type for " + shape);
  }

  /**
   * The type as it travels: {@code Optional<T>} as {@code T} and primitives as their boxes,
   * since both write the same JSON (whether it may be absent is compared separately).
   */
  public static String wire(String type) {
    String t = type;
    if (t.startsWith("java.util.Optional<") && t.endsWith(">")) {
      t = t.substring("java.util.Optional<".length(), t.length() - 1);
    }
    for (ScalarKind kind : ScalarKind.values()) {
      if (t.equals(kind.primitiveName())) {
        return kind.className();
      }
    }
    return t;
  }
}
