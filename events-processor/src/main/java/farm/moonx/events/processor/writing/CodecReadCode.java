package farm.moonx.events.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.TypeName;
import farm.moonx.events.processor.model.ScalarKind;
import farm.moonx.events.processor.model.Shape;
import farm.moonx.events.processor.model.TypeRef;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import javax.lang.model.element.Modifier;

/**
 * The expressions a generated codec's {@code read} uses to read one value at the parser's
 * current (non-null) token. Containers become calls into the runtime's {@code CodecSupport}
 * with a lambda per element; enums get one small private method each (for the error naming
 * the unknown constant).
 */
final class CodecReadCode {
  private static final ClassName JSON_PARSER = ClassName.get("com.fasterxml.jackson.core", "JsonParser");
  private final NameAllocator names;
  private final Map<TypeRef, MethodSpec> enumReaders = new TreeMap<>();
  private int lambdas;

  /** Allocates lambda parameter names from {@code names}, so they never shadow a local. */
  CodecReadCode(NameAllocator names) {
    this.names = names;
  }

  /** The expression reading a {@code shape} value from the parser variable {@code parser}. */
  CodeBlock read(Shape shape, String parser) {
    if (shape instanceof Shape.Scalar s) {
      if (s.kind() == ScalarKind.BYTES) {
        return CodeBlock.of("$T.readBytes($N)", GeneratedNames.CODEC_SUPPORT, parser);
      }
      return CodeBlock.of("$T.read$L($N)", GeneratedNames.CODEC_SUPPORT, method(s), parser);
    } else if (shape instanceof Shape.EnumShape e) {
      return CodeBlock.of("$N($N)", enumReader(e.type()), parser);
    } else if (shape instanceof Shape.RecordShape r) {
      return CodeBlock.of("$T.INSTANCE.read($N)", GeneratedNames.codec(r.type()), parser);
    } else if (shape instanceof Shape.CollectionShape c) {
      String reader = c.kind() == Shape.CollectionKind.SET ? "readSet" : "readList";
      return container(reader, c.element(), parser);
    } else if (shape instanceof Shape.MapShape m) {
      return container("readMap", m.value(), parser);
    } else if (shape instanceof Shape.ArrayShape a) {
      if (a.element() instanceof Shape.Scalar s && s.primitive()) {
        return CodeBlock.of("$T.read$LArray($N)", GeneratedNames.CODEC_ARRAYS, method(s), parser);
      }
      return CodeBlock.of("$L.toArray($T[]::new)", container("readArray", a.element(), parser),
          TypeNames.of(a.element()));
    }
    throw new IllegalArgumentException("cannot read " + shape);
  }

  /** The allocator of the method's locals. */
  NameAllocator names() {
    return names;
  }

  /** The private methods the expressions call, sorted. */
  Iterable<MethodSpec> helpers() {
    return enumReaders.values();
  }

  private CodeBlock container(String reader, Shape element, String parser) {
    String p = names.newName("p" + ++lambdas);
    return CodeBlock.of("$T.$N($N, $N -> $L)", GeneratedNames.CODEC_SUPPORT, reader, parser, p, read(element, p));
  }

  private static String method(Shape.Scalar s) {
    return switch (s.kind()) {
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

  private boolean nameTaken(String name) {
    return enumReaders.values().stream().anyMatch(m -> m.name().equals(name));
  }

  private String enumReader(TypeRef type) {
    MethodSpec existing = enumReaders.get(type);
    if (existing != null) {
      return existing.name();
    }
    String base = "read" + String.join("", type.simpleNames());
    String name = base;
    for (int i = 2; nameTaken(name); i++) {
      name = base + i;
    }
    TypeName enumType = GeneratedNames.className(type);
    MethodSpec method = MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(enumType)
        .addParameter(JSON_PARSER, "parser")
        .addException(IOException.class)
        .addStatement("$T name = $T.readString(parser)", String.class, GeneratedNames.CODEC_SUPPORT)
        .beginControlFlow("try")
        .addStatement("return $T.valueOf(name)", enumType)
        .nextControlFlow("catch ($T e)", IllegalArgumentException.class)
        .addStatement("throw $T.unknownConstant(parser, $S, e)", GeneratedNames.CODEC_SUPPORT, type.simpleName())
        .endControlFlow()
        .build();
    enumReaders.put(type, method);
    return name;
  }
}
