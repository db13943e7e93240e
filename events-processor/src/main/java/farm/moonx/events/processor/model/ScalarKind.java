package farm.moonx.events.processor.model;

/** The scalar types the codecs support, each with its Java type names. */
public enum ScalarKind {
  BOOLEAN("java.lang.Boolean", "boolean"),
  BYTE("java.lang.Byte", "byte"),
  SHORT("java.lang.Short", "short"),
  INT("java.lang.Integer", "int"),
  LONG("java.lang.Long", "long"),
  FLOAT("java.lang.Float", "float"),
  DOUBLE("java.lang.Double", "double"),
  CHAR("java.lang.Character", "char"),
  STRING("java.lang.String", null),
  BIG_DECIMAL("java.math.BigDecimal", null),
  BIG_INTEGER("java.math.BigInteger", null),
  INSTANT("java.time.Instant", null),
  LOCAL_DATE("java.time.LocalDate", null),
  LOCAL_DATE_TIME("java.time.LocalDateTime", null),
  OFFSET_DATE_TIME("java.time.OffsetDateTime", null),
  UUID("java.util.UUID", null),
  DATE("java.util.Date", null),
  /** {@code byte[]}, written as base64. */
  BYTES(null, null);

  private final String className;
  private final String primitiveName;

  ScalarKind(String className, String primitiveName) {
    this.className = className;
    this.primitiveName = primitiveName;
  }

  /** The class (the box for primitives), or null for {@link #BYTES}. */
  public String className() {
    return className;
  }

  /** The primitive's keyword, or null if there is none. */
  public String primitiveName() {
    return primitiveName;
  }

  /** The kind whose class (or box) is {@code qualifiedName}, or null. */
  public static ScalarKind ofClass(String qualifiedName) {
    for (ScalarKind kind : values()) {
      if (qualifiedName.equals(kind.className)) {
        return kind;
      }
    }
    return null;
  }
}
