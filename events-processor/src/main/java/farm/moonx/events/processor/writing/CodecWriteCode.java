package farm.moonx.events.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import farm.moonx.events.processor.model.Shape;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** The statements a generated codec's {@code write} uses to write one value. */
final class CodecWriteCode {
  private final String generator;
  private final NameAllocator names;
  private int locals;

  /** Writes through the variable {@code generator}, allocating locals from {@code names}. */
  CodecWriteCode(String generator, NameAllocator names) {
    this.generator = generator;
    this.names = names;
  }

  /** Writes the non-null value held by local {@code var}. */
  void write(CodeBlock.Builder b, Shape shape, String var) {
    if (shape instanceof Shape.Scalar s) {
      scalar(b, s, var);
    } else if (shape instanceof Shape.EnumShape) {
      b.addStatement("$N.writeString($N.name())", generator, var);
    } else if (shape instanceof Shape.RecordShape r) {
      b.addStatement("$T.INSTANCE.write($N, $N)", GeneratedNames.codec(r.type()), generator, var);
    } else if (shape instanceof Shape.CollectionShape c) {
      array(b, c.element(), var);
    } else if (shape instanceof Shape.ArrayShape a) {
      array(b, a.element(), var);
    } else if (shape instanceof Shape.MapShape m) {
      int n = ++locals;
      String entry = names.newName("entry" + n);
      String value = names.newName("value" + n);
      TypeName valueType = TypeNames.of(m.value());
      b.addStatement("$N.writeStartObject()", generator);
      b.beginControlFlow("for ($T $N : $N.entrySet())",
          ParameterizedTypeName.get(ClassName.get(Map.Entry.class),
              TypeName.get(String.class), valueType), entry, var);
      b.addStatement("$N.writeFieldName($N.getKey())", generator, entry);
      b.addStatement("$T $N = $N.getValue()", valueType, value, entry);
      element(b, m.value(), value);
      b.endControlFlow();
      b.addStatement("$N.writeEndObject()", generator);
    } else {
      throw new IllegalArgumentException("cannot write " + shape);
    }
  }

  private void array(CodeBlock.Builder b, Shape element, String var) {
    String item = names.newName("item" + ++locals);
    b.addStatement("$N.writeStartArray()", generator);
    b.beginControlFlow("for ($T $N : $N)", TypeNames.of(element), item, var);
    element(b, element, item);
    b.endControlFlow();
    b.addStatement("$N.writeEndArray()", generator);
  }

  /** Writes a container element or map value, which may be null unless primitive. */
  private void element(CodeBlock.Builder b, Shape shape, String var) {
    if (shape instanceof Shape.Scalar s && s.primitive()) {
      write(b, shape, var);
      return;
    }
    b.beginControlFlow("if ($N == null)", var);
    b.addStatement("$N.writeNull()", generator);
    b.nextControlFlow("else");
    write(b, shape, var);
    b.endControlFlow();
  }

  private void scalar(CodeBlock.Builder b, Shape.Scalar s, String var) {
    switch (s.kind()) {
      case BOOLEAN -> b.addStatement("$N.writeBoolean($N)", generator, var);
      case BYTE, SHORT, INT, LONG, FLOAT, DOUBLE -> b.addStatement("$N.writeNumber($N)", generator, var);
      case CHAR -> b.addStatement("$N.writeString($T.valueOf($N))", generator, String.class, var);
      case STRING -> b.addStatement("$N.writeString($N)", generator, var);
      case BIG_DECIMAL -> b.addStatement("$N.writeString($N.toPlainString())", generator, var);
      case BIG_INTEGER, UUID -> b.addStatement("$N.writeString($N.toString())", generator, var);
      case INSTANT -> b.addStatement("$N.writeNumber($N.toEpochMilli())", generator, var);
      case DATE -> b.addStatement("$N.writeNumber($N.getTime())", generator, var);
      case LOCAL_DATE -> iso(b, "ISO_LOCAL_DATE", var);
      case LOCAL_DATE_TIME -> iso(b, "ISO_LOCAL_DATE_TIME", var);
      case OFFSET_DATE_TIME -> iso(b, "ISO_OFFSET_DATE_TIME", var);
      case BYTES -> b.addStatement("$N.writeBinary($N)", generator, var);
      default -> throw new IllegalArgumentException("cannot write " + s);
    }
  }

  private void iso(CodeBlock.Builder b, String formatter, String var) {
    b.addStatement("$N.writeString($T.$N.format($N))", generator, DateTimeFormatter.class, formatter, var);
  }
}
