package farm.moonx.events.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import farm.moonx.events.processor.model.CatalogModel;
import farm.moonx.events.processor.model.EventModel;
import farm.moonx.events.processor.model.FieldModel;
import farm.moonx.events.processor.model.OlderVersion;
import farm.moonx.events.processor.model.ScalarKind;
import farm.moonx.events.processor.model.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * {@code PaymentsEvents}: one {@code EventDescriptor} constant per event and the public
 * no-argument constructor {@code ServiceLoader} needs, handing them to the SPI's
 * {@code CatalogRegistry}, which does the registry's work. Every instance serves the same
 * static descriptors.
 */
public final class RegistryGenerator {
  private RegistryGenerator() {}

  /** The registry class of {@code catalog}. */
  public static TypeSpec generate(CatalogModel catalog, Map<String, String> constants) {
    ClassName registry = GeneratedNames.registry(catalog.packageName(), catalog.name());
    TypeSpec.Builder spec = TypeSpec.classBuilder(registry)
        .addJavadoc("The events of catalog {@code $L} (topic {@code $L}): one descriptor per event.\n\n",
            catalog.name(), catalog.topic())
        .addJavadoc("<p>Registered for {@link java.util.ServiceLoader}, so {@code EventRegistry.load()} finds it.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .superclass(GeneratedNames.CATALOG_REGISTRY);
    List<CodeBlock> all = new ArrayList<>();
    List<MethodSpec> validators = new ArrayList<>();
    for (EventModel event : catalog.events()) {
      String constant = constants.get(event.name().text());
      all.add(CodeBlock.of("$N", constant));
      MethodSpec validator = validator(event);
      if (validator != null) {
        validators.add(validator);
      }
      spec.addField(descriptor(catalog, event, constant, registry, validator, catalog.olderOf(event.name().text())));
    }
    addOlderVersions(spec, catalog, constants, registry, validators);
    spec.addMethod(MethodSpec.constructorBuilder()
        .addJavadoc("For {@link java.util.ServiceLoader}; every instance serves the same descriptors.\n")
        .addModifiers(Modifier.PUBLIC)
        .addStatement("super($S, $L)", catalog.name(), CodeBlock.join(all, ", "))
        .build());
    validators.forEach(spec::addMethod);
    return spec.build();
  }

  /**
   * A descriptor per older major, outside the registry (which holds one per name): for
   * producers still writing it during a migration, and for tests.
   */
  private static void addOlderVersions(TypeSpec.Builder spec, CatalogModel catalog, Map<String, String> constants,
      ClassName registry, List<MethodSpec> validators) {
    for (OlderVersion older : catalog.older()) {
      EventModel event = older.event();
      String newest = constants.get(event.name().text());
      MethodSpec validator = validator(event);
      if (validator != null) {
        validators.add(validator);
      }
      FieldSpec field = descriptor(catalog, event, GeneratedNames.olderConstant(newest, older.major()), registry,
          validator, List.of());
      spec.addField(field.toBuilder()
          .addJavadoc("<p>An older version, for producers still writing it; consumers read it through {@link #$N}.\n",
              newest)
          .build());
    }
  }

  private static FieldSpec descriptor(CatalogModel catalog, EventModel event, String constant, ClassName registry,
      MethodSpec validator, List<OlderVersion> reads) {
    ClassName record = GeneratedNames.className(event.type());
    CodeBlock.Builder init = CodeBlock.builder()
        .add("$T.builder($S, $T.class, $T.INSTANCE)\n", GeneratedNames.EVENT_DESCRIPTOR, event.name().text(), record,
            GeneratedNames.codec(event.type()))
        .indent().indent()
        .add(".version($S)\n", event.version().text())
        .add(".classification($T.$N)\n", GeneratedNames.DATA_CLASSIFICATION, event.classification())
        .add(".topic($S)\n", catalog.topic());
    for (OlderVersion older : reads) {
      // Each upcast() returns the next version's record, so the chain ends at this one's.
      init.add(".reads($S, $T.INSTANCE, old -> old$L)\n", older.event().version().text(),
          GeneratedNames.codec(older.event().type()), ".upcast()".repeat(older.path().size()));
    }
    FieldModel key = event.partitionKey();
    if (key != null) {
      init.add(".partitionKey(data -> $L)\n", keyExpression(key));
    }
    if (validator != null) {
      init.add(".validator($T::$N)\n", registry, validator);
    }
    List<String> sensitive = event.record().fields().stream().filter(FieldModel::sensitive).map(FieldModel::name)
        .sorted().toList();
    if (!sensitive.isEmpty()) {
      init.add(".sensitiveFields($L)\n", sensitive.stream().map(n -> CodeBlock.of("$S", n))
          .collect(CodeBlock.joining(", ")));
    }
    init.add(".build()").unindent().unindent();
    return FieldSpec.builder(ParameterizedTypeName.get(GeneratedNames.EVENT_DESCRIPTOR, record), constant,
            Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("{@code $L} version $L: {@link $T}.\n", event.name().text(), event.version().text(), record)
        .initializer(init.build())
        .build();
  }

  /** The partition key as a String, null-safe: {@code data.userId()} or a conversion of it. */
  private static CodeBlock keyExpression(FieldModel key) {
    CodeBlock value = CodeBlock.of("data.$N()", key.name());
    if (key.primitive()) {
      return CodeBlock.of("$T.valueOf($L)", String.class, value);
    }
    String convert = "toString";
    if (key.shape() instanceof Shape.EnumShape) {
      convert = "name";
    } else if (key.shape() instanceof Shape.Scalar s && s.kind() == ScalarKind.STRING) {
      return value;
    } else if (key.shape() instanceof Shape.Scalar s && s.kind() == ScalarKind.BIG_DECIMAL) {
      // The same text as the JSON value, so the key and data.<key> always read the same.
      return CodeBlock.of("$L == null ? null : $T.decimalString($L)", value, GeneratedNames.CODEC_SUPPORT, value);
    }
    return CodeBlock.of("$L == null ? null : $L.$N()", value, value, convert);
  }

  /** The check that required references are present, or null when the record has none. */
  private static MethodSpec validator(EventModel event) {
    CodeBlock.Builder b = CodeBlock.builder();
    for (FieldModel field : event.record().fields()) {
      if (field.primitive() || (!field.required() && !(field.shape() instanceof Shape.OptionalShape))) {
        continue;
      }
      String hint = field.shape() instanceof Shape.OptionalShape ? " (use Optional.empty(), not null)" : "";
      b.beginControlFlow("if (data.$N() == null)", field.name())
          .addStatement("errors.add($S)", "data." + field.name() + ": is required" + hint)
          .endControlFlow();
    }
    if (b.isEmpty()) {
      return null;
    }
    ClassName record = GeneratedNames.className(event.type());
    return MethodSpec.methodBuilder("validate" + String.join("", event.type().simpleNames()))
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addParameter(record, "data")
        .addParameter(ParameterizedTypeName.get(ClassName.get(List.class), TypeName.get(String.class)), "errors")
        .addCode(b.build())
        .build();
  }
}
