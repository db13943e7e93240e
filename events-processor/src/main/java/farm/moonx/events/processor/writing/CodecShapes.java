package farm.moonx.events.processor.writing;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import farm.moonx.events.processor.model.ScalarKind;
import farm.moonx.events.processor.model.Shape;
import farm.moonx.events.processor.model.TypeRef;
import java.util.function.Function;

/**
 * The {@code JsonCodec} expression of a component's shape, composed from the runtime's SPI:
 * {@code CodecSupport} scalars and enums, {@code CodecArrays} containers, and the codecs of
 * nested records as the caller names them.
 */
final class CodecShapes {
  private CodecShapes() {}

  /** The shape the wire sees: an Optional's value. */
  static Shape wire(Shape shape) {
    return shape instanceof Shape.OptionalShape o ? o.value() : shape;
  }

  /** The {@code JsonCodec} of values of {@code shape} (an Optional's value), naming record codecs with {@code records}. */
  static CodeBlock codec(Shape shape, Function<TypeRef, CodeBlock> records) {
    Shape s = wire(shape);
    if (s instanceof Shape.Scalar scalar) {
      return CodeBlock.of("$T.$N", GeneratedNames.CODEC_SUPPORT, constant(scalar.kind()));
    } else if (s instanceof Shape.EnumShape e) {
      return CodeBlock.of("$T.enumOf($S, $T.values())", GeneratedNames.CODEC_SUPPORT, e.type().simpleName(),
          GeneratedNames.className(e.type()));
    } else if (s instanceof Shape.RecordShape r) {
      return records.apply(r.type());
    } else if (s instanceof Shape.CollectionShape c) {
      String factory = switch (c.kind()) {
        case LIST -> "list";
        case SET -> "set";
        case COLLECTION -> "collection";
      };
      return CodeBlock.of("$T.$N($L)", GeneratedNames.CODEC_ARRAYS, factory, codec(c.element(), records));
    } else if (s instanceof Shape.MapShape m) {
      return CodeBlock.of("$T.map($L)", GeneratedNames.CODEC_ARRAYS, codec(m.value(), records));
    } else if (s instanceof Shape.ArrayShape a) {
      if (a.element() instanceof Shape.Scalar e && e.primitive()) {
        return CodeBlock.of("$T.$N_ARRAY", GeneratedNames.CODEC_ARRAYS, constant(e.kind()));
      }
      TypeName element = TypeNames.of(a.element());
      return CodeBlock.of("$T.array($L, $T[]::new)", GeneratedNames.CODEC_ARRAYS, codec(a.element(), records), element);
    }
    throw new IllegalArgumentException("no codec for " + shape);
  }

  private static String constant(ScalarKind kind) {
    return switch (kind) {
      case UUID -> "UUID_STRING";
      default -> kind.name();
    };
  }
}
