package farm.moonx.events.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import farm.moonx.events.processor.model.FieldModel;
import farm.moonx.events.processor.model.RecordModel;
import farm.moonx.events.processor.model.Shape;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * {@code PaymentProcessedCodec}: a stateless singleton that is little more than its record's
 * description. {@code FIELDS} (a {@code JsonFields}: names in order, required flags) drives
 * writing (pre-encoded names, nulls omitted), reading (names matched on bytes, unknown fields
 * skipped) and the missing-field check; each field is one line of {@code write} and one
 * {@code case} of {@code read}, calling the runtime's SPI for the value itself. Containers and
 * enums get one {@code JsonCodec} constant each, composed from the SPI's.
 */
public final class CodecGenerator {
  private CodecGenerator() {}

  /** The codec class for {@code record}. */
  public static TypeSpec generate(RecordModel record) {
    ClassName codec = GeneratedNames.codec(record.type());
    ClassName type = GeneratedNames.className(record.type());
    NameAllocator constants = new NameAllocator();
    constants.newName("INSTANCE", "INSTANCE");
    constants.newName("FIELDS", "FIELDS");
    TypeSpec.Builder spec = TypeSpec.classBuilder(codec)
        .addJavadoc("Writes and reads {@link $T} as JSON, without reflection.\n", type)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(ParameterizedTypeName.get(GeneratedNames.EVENT_CODEC, type))
        .addField(FieldSpec.builder(codec, "INSTANCE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("The codec; it holds no state.\n")
            .initializer("new $T()", codec)
            .build())
        .addField(fields(record));
    List<String> codecs = new ArrayList<>();
    for (FieldModel field : record.fields()) {
      String constant = null;
      if (CodecShapes.needsConstant(field.shape())) {
        constant = constants.newName(upperSnake(field.name()), field);
        TypeName valueType = TypeNames.of(CodecShapes.wire(field.shape())).box();
        spec.addField(FieldSpec.builder(ParameterizedTypeName.get(CodecShapes.JSON_CODEC, valueType), constant,
                Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer(CodecShapes.codec(field.shape()))
            .build());
      }
      codecs.add(constant);
    }
    return spec.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethod(write(record, type, codecs))
        .addMethod(read(record, type, codecs))
        .build();
  }

  /** {@code FIELDS}: the record's description, names in order, {@code ?} marking the optional ones. */
  private static FieldSpec fields(RecordModel record) {
    List<CodeBlock> names = new ArrayList<>();
    for (FieldModel field : record.fields()) {
      names.add(CodeBlock.of("$S", field.required() ? field.name() : field.name() + "?"));
    }
    return FieldSpec.builder(CodecShapes.JSON_FIELDS, "FIELDS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("$T.of($L)", CodecShapes.JSON_FIELDS, CodeBlock.join(names, ", "))
        .build();
  }

  private static MethodSpec write(RecordModel record, ClassName type, List<String> codecs) {
    CodeBlock.Builder b = CodeBlock.builder().addStatement("out.beginObject()");
    for (int i = 0; i < record.fields().size(); i++) {
      FieldModel field = record.fields().get(i);
      CodeBlock value = field.shape() instanceof Shape.OptionalShape
          ? CodeBlock.of("$T.orNull(value.$N())", GeneratedNames.CODEC_SUPPORT, field.name())
          : CodeBlock.of("value.$N()", field.name());
      String method = CodecShapes.writeMethod(field.shape());
      if (method != null) {
        b.addStatement("out.$N(FIELDS, $L, $L)", method, i, value);
      } else {
        CodeBlock codec = codecs.get(i) != null ? CodeBlock.of("$N", codecs.get(i)) : CodecShapes.codec(field.shape());
        b.addStatement("out.value(FIELDS, $L, $L, $L)", i, value, codec);
      }
    }
    b.addStatement("out.endObject()");
    return MethodSpec.methodBuilder("write")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addParameter(CodecShapes.JSON_OUT, "out")
        .addParameter(type, "value")
        .addCode(b.build())
        .build();
  }

  private static MethodSpec read(RecordModel record, ClassName type, List<String> codecs) {
    NameAllocator names = new NameAllocator();
    names.newName("in", "in");
    names.newName("field", "field");
    CodeBlock.Builder b = CodeBlock.builder();
    for (FieldModel f : record.fields()) {
      TypeName local = TypeNames.local(f.shape());
      b.addStatement("$T $N = $L", local, names.newName(f.name(), f), f.primitive() ? defaultValue(local) : "null");
    }
    b.beginControlFlow("for (int field = in.firstField(FIELDS); field != $T.END; field = in.nextField(FIELDS))",
        CodecShapes.JSON_IN);
    b.beginControlFlow("switch (field)");
    for (int i = 0; i < record.fields().size(); i++) {
      FieldModel f = record.fields().get(i);
      b.addStatement("case $L -> $N = $L", i, names.get(f), CodecShapes.read(f.shape(), codecs.get(i)));
    }
    b.endControlFlow();
    b.endControlFlow();
    List<CodeBlock> args = new ArrayList<>();
    for (FieldModel f : record.fields()) {
      args.add(f.shape() instanceof Shape.OptionalShape
          ? CodeBlock.of("$T.ofNullable($N)", Optional.class, names.get(f))
          : CodeBlock.of("$N", names.get(f)));
    }
    b.addStatement("return new $T($L)", type, CodeBlock.join(args, ", "));
    return MethodSpec.methodBuilder("read")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(type)
        .addParameter(CodecShapes.JSON_IN, "in")
        .addException(IOException.class)
        .addCode(b.build())
        .build();
  }

  private static String defaultValue(TypeName primitive) {
    if (primitive.equals(TypeName.BOOLEAN)) {
      return "false";
    }
    return primitive.equals(TypeName.CHAR) ? "'\\0'" : "0";
  }

  static String upperSnake(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }
}
