package farm.moonx.events.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import farm.moonx.events.processor.model.ScalarKind;
import farm.moonx.events.processor.model.Shape;

/**
 * The per-shape code of a generated codec, all of it calls into the runtime's SPI: which
 * {@code JsonOut} method writes a field, which {@code CodecSupport} method reads a value, and
 * the {@code JsonCodec} expression (scalars, enums, nested records, containers composed) for
 * shapes that have no dedicated method.
 */
final class CodecShapes {
  private CodecShapes() {}

  /** The shape the wire sees: an Optional's value. */
  static Shape wire(Shape shape) {
    return shape instanceof Shape.OptionalShape o ? o.value() : shape;
  }

  /** True if the shape is written and read through a {@code JsonCodec} constant of the codec class. */
  static boolean needsConstant(Shape shape) {
    Shape s = wire(shape);
    return s instanceof Shape.EnumShape || s instanceof Shape.CollectionShape || s instanceof Shape.MapShape
        || s instanceof Shape.ArrayShape;
  }

  /** The {@code JsonOut} method writing a field of this shape with {@code (fields, index, value)}, or null. */
  static String writeMethod(Shape shape) {
    if (!(wire(shape) instanceof Shape.Scalar s)) {
      return null;
    }
    return switch (s.kind()) {
      case STRING -> "string";
      case BIG_DECIMAL -> "decimal";
      case INSTANT -> "instant";
      case BOOLEAN -> s.primitive() ? "bool" : null;
      case BYTE, SHORT, INT, LONG, FLOAT, DOUBLE -> s.primitive() ? "number" : null;
      default -> null;
    };
  }

  /** The expression reading a value of {@code shape} (its Optional's value) from {@code in}. */
  static CodeBlock read(Shape shape, String constant) {
    Shape s = wire(shape);
    if (s instanceof Shape.Scalar scalar) {
      return CodeBlock.of("$T.read$L(in)", GeneratedNames.CODEC_SUPPORT, method(scalar.kind()));
    } else if (s instanceof Shape.RecordShape r) {
      return CodeBlock.of("$T.INSTANCE.read(in)", GeneratedNames.codec(r.type()));
    }
    return CodeBlock.of("$N.read(in)", constant);
  }

  /** The {@code JsonCodec} of values of {@code shape}. */
  static CodeBlock codec(Shape shape) {
    Shape s = wire(shape);
    if (s instanceof Shape.Scalar scalar) {
      return CodeBlock.of("$T.$N", GeneratedNames.CODEC_SUPPORT, constant(scalar.kind()));
    } else if (s instanceof Shape.EnumShape e) {
      return CodeBlock.of("$T.enumOf($S, $T.values())", GeneratedNames.CODEC_SUPPORT, e.type().simpleName(),
          GeneratedNames.className(e.type()));
    } else if (s instanceof Shape.RecordShape r) {
      return CodeBlock.of("$T.INSTANCE", GeneratedNames.codec(r.type()));
    } else if (s instanceof Shape.CollectionShape c) {
      String factory = switch (c.kind()) {
        case LIST -> "list";
        case SET -> "set";
        case COLLECTION -> "collection";
      };
      return CodeBlock.of("$T.$N($L)", GeneratedNames.CODEC_ARRAYS, factory, codec(c.element()));
    } else if (s instanceof Shape.MapShape m) {
      return CodeBlock.of("$T.map($L)", GeneratedNames.CODEC_ARRAYS, codec(m.value()));
    } else if (s instanceof Shape.ArrayShape a) {
      if (a.element() instanceof Shape.Scalar e && e.primitive()) {
        return CodeBlock.of("$T.$N_ARRAY", GeneratedNames.CODEC_ARRAYS, constant(e.kind()));
      }
      TypeName element = TypeNames.of(a.element());
      return CodeBlock.of("$T.array($L, $T[]::new)", GeneratedNames.CODEC_ARRAYS, codec(a.element()), element);
    }
    throw new IllegalArgumentException("no codec for " + shape);
  }

  private static String constant(ScalarKind kind) {
    return switch (kind) {
      case UUID -> "UUID_STRING";
      default -> kind.name();
    };
  }

  private static String method(ScalarKind kind) {
    return switch (kind) {
      case BOOLEAN -> "Boolean";
      case BYTE -> "Byte";
      case SHORT -> "Short";
      case INT -> "Int";
      case LONG -> "Long";
      case FLOAT -> "Float";
      case DOUBLE -> "Double";
      case CHAR -> "Char";
      case STRING -> "String";
      case BIG_DECIMAL -> "BigDecimal";
      case BIG_INTEGER -> "BigInteger";
      case INSTANT -> "Instant";
      case LOCAL_DATE -> "LocalDate";
      case LOCAL_DATE_TIME -> "LocalDateTime";
      case OFFSET_DATE_TIME -> "OffsetDateTime";
      case UUID -> "Uuid";
      case DATE -> "Date";
      case BYTES -> "Bytes";
    };
  }

  /** {@code JsonFields} builder type, for the generator. */
  static final ClassName JSON_FIELDS = ClassName.get("farm.moonx.events.spi", "JsonFields");
  static final ClassName JSON_IN = ClassName.get("farm.moonx.events.spi", "JsonIn");
  static final ClassName JSON_OUT = ClassName.get("farm.moonx.events.spi", "JsonOut");
  static final ClassName JSON_CODEC = ClassName.get("farm.moonx.events.spi", "JsonCodec");
}
