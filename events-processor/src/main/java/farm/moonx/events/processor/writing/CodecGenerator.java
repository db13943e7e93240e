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
 * {@code PaymentProcessedCodec}: a stateless singleton writing and reading one record with
 * jackson-core's streaming API. Field names are pre-encoded {@code SerializedString}s; reading
 * loops over the object's fields with a {@code switch} on the name, skips unknown fields and
 * fails naming the field when a required one is missing. Null references are omitted when
 * writing, like the TypeScript services' {@code undefined}.
 */
public final class CodecGenerator {
  private static final ClassName JSON_GENERATOR = ClassName.get("com.fasterxml.jackson.core", "JsonGenerator");
  private static final ClassName JSON_PARSER = ClassName.get("com.fasterxml.jackson.core", "JsonParser");
  private static final ClassName JSON_TOKEN = ClassName.get("com.fasterxml.jackson.core", "JsonToken");
  private static final ClassName SERIALIZED_STRING = ClassName.get("com.fasterxml.jackson.core.io", "SerializedString");

  private CodecGenerator() {}

  /** The codec class for {@code record}. */
  public static TypeSpec generate(RecordModel record) {
    ClassName codec = GeneratedNames.codec(record.type());
    ClassName type = GeneratedNames.className(record.type());
    NameAllocator constants = new NameAllocator();
    constants.newName("INSTANCE", "INSTANCE");
    TypeSpec.Builder spec = TypeSpec.classBuilder(codec)
        .addJavadoc("Writes and reads {@link $T} as JSON, without reflection.\n", type)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(ParameterizedTypeName.get(GeneratedNames.EVENT_CODEC, type))
        .addField(FieldSpec.builder(codec, "INSTANCE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("The codec; it holds no state.\n")
            .initializer("new $T()", codec)
            .build());
    List<String> nameConstants = new ArrayList<>();
    for (FieldModel field : record.fields()) {
      String constant = constants.newName(upperSnake(field.name()), field);
      nameConstants.add(constant);
      spec.addField(FieldSpec.builder(SERIALIZED_STRING, constant, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .initializer("new $T($S)", SERIALIZED_STRING, field.name())
          .build());
    }
    spec.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    spec.addMethod(write(record, type, nameConstants));
    CodecReadCode reads = new CodecReadCode(readNames(record));
    spec.addMethod(read(record, type, reads));
    reads.helpers().forEach(spec::addMethod);
    return spec.build();
  }

  private static MethodSpec write(RecordModel record, ClassName type, List<String> nameConstants) {
    NameAllocator names = new NameAllocator();
    String generator = names.newName("generator");
    String value = names.newName("value");
    CodecWriteCode code = new CodecWriteCode(generator, names);
    CodeBlock.Builder b = CodeBlock.builder();
    b.addStatement("$N.writeStartObject()", generator);
    for (int i = 0; i < record.fields().size(); i++) {
      FieldModel field = record.fields().get(i);
      String local = names.newName(field.name());
      b.addStatement("$T $N = $N.$N()", TypeNames.of(field.shape()), local, value, field.name());
      if (field.primitive()) {
        b.addStatement("$N.writeFieldName($N)", generator, nameConstants.get(i));
        code.write(b, field.shape(), local);
      } else if (field.shape() instanceof Shape.OptionalShape optional) {
        b.beginControlFlow("if ($N != null && $N.isPresent())", local, local);
        b.addStatement("$N.writeFieldName($N)", generator, nameConstants.get(i));
        String present = names.newName(field.name() + "Value");
        b.addStatement("$T $N = $N.get()", TypeNames.of(optional.value()), present, local);
        code.write(b, optional.value(), present);
        b.endControlFlow();
      } else {
        b.beginControlFlow("if ($N != null)", local);
        b.addStatement("$N.writeFieldName($N)", generator, nameConstants.get(i));
        code.write(b, field.shape(), local);
        b.endControlFlow();
      }
    }
    b.addStatement("$N.writeEndObject()", generator);
    return MethodSpec.methodBuilder("write")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addParameter(JSON_GENERATOR, generator)
        .addParameter(type, value)
        .addException(IOException.class)
        .addCode(b.build())
        .build();
  }

  private static NameAllocator readNames(RecordModel record) {
    NameAllocator names = new NameAllocator();
    names.newName("parser", "parser");
    names.newName("field", "field");
    for (FieldModel f : record.fields()) {
      names.newName(f.name(), f);
      if (f.primitive()) {
        names.newName(f.name() + "Seen", f.name() + "Seen");
      }
    }
    return names;
  }

  private static MethodSpec read(RecordModel record, ClassName type, CodecReadCode reads) {
    NameAllocator names = reads.names();
    CodeBlock.Builder b = CodeBlock.builder();
    b.addStatement("$T.expectObject(parser)", GeneratedNames.CODEC_SUPPORT);
    for (FieldModel f : record.fields()) {
      TypeName local = TypeNames.local(f.shape());
      if (f.primitive()) {
        b.addStatement("$T $N = $L", local, names.get(f), defaultValue(local));
        b.addStatement("boolean $N = false", names.get(f.name() + "Seen"));
      } else {
        b.addStatement("$T $N = null", local, names.get(f));
      }
    }
    b.beginControlFlow("for ($T field = parser.nextFieldName(); field != null; field = parser.nextFieldName())",
        String.class);
    b.beginControlFlow("if (parser.nextToken() == $T.VALUE_NULL)", JSON_TOKEN);
    b.addStatement("continue");
    b.endControlFlow();
    b.beginControlFlow("switch (field)");
    for (FieldModel f : record.fields()) {
      Shape shape = f.shape() instanceof Shape.OptionalShape o ? o.value() : f.shape();
      b.add("case $S:\n", f.name()).indent();
      b.addStatement("$N = $L", names.get(f), reads.read(shape, "parser"));
      if (f.primitive()) {
        b.addStatement("$N = true", names.get(f.name() + "Seen"));
      }
      b.addStatement("break").unindent();
    }
    b.add("default:\n").indent().addStatement("parser.skipChildren()").unindent();
    b.endControlFlow();
    b.endControlFlow();
    List<CodeBlock> args = new ArrayList<>();
    for (FieldModel f : record.fields()) {
      String local = names.get(f);
      if (f.primitive()) {
        b.beginControlFlow("if (!$N)", names.get(f.name() + "Seen"));
      } else if (f.required()) {
        b.beginControlFlow("if ($N == null)", local);
      }
      if (f.required()) {
        b.addStatement("throw $T.missing(parser, $S)", GeneratedNames.CODEC_SUPPORT, f.name()).endControlFlow();
      }
      args.add(f.shape() instanceof Shape.OptionalShape
          ? CodeBlock.of("$T.ofNullable($N)", Optional.class, local)
          : CodeBlock.of("$N", local));
    }
    b.addStatement("return new $T($L)", type, CodeBlock.join(args, ", "));
    return MethodSpec.methodBuilder("read")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(type)
        .addParameter(JSON_PARSER, "parser")
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
