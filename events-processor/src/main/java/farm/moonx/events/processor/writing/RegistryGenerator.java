package farm.moonx.events.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import farm.moonx.events.annotations.EventNames;
import farm.moonx.events.processor.model.CatalogModel;
import farm.moonx.events.processor.model.EventModel;
import farm.moonx.events.processor.model.FieldModel;
import farm.moonx.events.processor.model.OlderVersion;
import farm.moonx.events.processor.model.TypeRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * {@code PaymentsEvents}: the codecs of the catalog's records (private constants, see
 * {@link CodecGenerator}), one {@code EventDescriptor} constant per event, naming only what
 * differs from the defaults (version 1.0, classification INTERNAL, the catalog's topic), and the
 * public no-argument constructor {@code ServiceLoader} needs, handing them to the SPI's
 * {@code CatalogRegistry}, which does the registry's work. Validation comes from the codecs.
 */
public final class RegistryGenerator {
  private static final String DEFAULT_VERSION = "1.0";
  private static final String DEFAULT_CLASSIFICATION = "INTERNAL";

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
    NameAllocator names = new NameAllocator();
    names.newName("event", "the descriptor builder method");
    constants.values().forEach(c -> names.newName(c, "descriptor " + c));
    for (OlderVersion older : catalog.older()) {
      String constant = GeneratedNames.olderConstant(constants.get(older.event().name().text()), older.major());
      names.newName(constant, "descriptor " + constant);
    }
    Map<TypeRef, CodeBlock> codecs = CodecGenerator.addCodecs(spec, registry, catalog, names);
    List<CodeBlock> all = new ArrayList<>();
    for (EventModel event : catalog.events()) {
      String constant = constants.get(event.name().text());
      all.add(CodeBlock.of("$N", constant));
      spec.addField(descriptor(event, constant, codecs, catalog.olderOf(event.name().text())));
    }
    addOlderVersions(spec, catalog, constants, codecs);
    return spec.addMethod(MethodSpec.constructorBuilder()
            .addJavadoc("For {@link java.util.ServiceLoader}; every instance serves the same descriptors.\n")
            .addModifiers(Modifier.PUBLIC)
            .addStatement("super($S, $L)", catalog.name(), CodeBlock.join(all, ", "))
            .build())
        .addMethod(event(catalog))
        .build();
  }

  /** {@code event(name, type, codec)}: a descriptor builder with the catalog's defaults. */
  private static MethodSpec event(CatalogModel catalog) {
    TypeVariableName t = TypeVariableName.get("T");
    CodeBlock.Builder body = CodeBlock.builder().add("return $T.builder(name, type, codec).classification($T.$N)",
        GeneratedNames.EVENT_DESCRIPTOR, GeneratedNames.DATA_CLASSIFICATION, DEFAULT_CLASSIFICATION);
    if (!catalog.topic().equals(EventNames.DEFAULT_TOPIC)) {
      body.add(".topic($S)", catalog.topic());
    }
    return MethodSpec.methodBuilder("event")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addTypeVariable(t)
        .returns(ParameterizedTypeName.get(GeneratedNames.EVENT_DESCRIPTOR.nestedClass("Builder"), t))
        .addParameter(String.class, "name")
        .addParameter(ParameterizedTypeName.get(ClassName.get(Class.class), t), "type")
        .addParameter(ParameterizedTypeName.get(GeneratedNames.EVENT_CODEC, t), "codec")
        .addCode(body.add(";\n").build())
        .build();
  }

  /**
   * A descriptor per older major, outside the registry (which holds one per name): for
   * producers still writing it during a migration, and for tests.
   */
  private static void addOlderVersions(TypeSpec.Builder spec, CatalogModel catalog, Map<String, String> constants,
      Map<TypeRef, CodeBlock> codecs) {
    for (OlderVersion older : catalog.older()) {
      EventModel event = older.event();
      String newest = constants.get(event.name().text());
      FieldSpec field = descriptor(event, GeneratedNames.olderConstant(newest, older.major()), codecs, List.of());
      spec.addField(field.toBuilder()
          .addJavadoc("<p>An older version, for producers still writing it; consumers read it through {@link #$N}.\n",
              newest)
          .build());
    }
  }

  private static FieldSpec descriptor(EventModel event, String constant, Map<TypeRef, CodeBlock> codecs,
      List<OlderVersion> reads) {
    ClassName record = GeneratedNames.className(event.type());
    CodeBlock.Builder init = CodeBlock.builder()
        .add("event($S, $T.class, $L)\n", event.name().text(), record, codecs.get(event.type()))
        .indent().indent();
    if (!event.version().text().equals(DEFAULT_VERSION)) {
      init.add(".version($S)\n", event.version().text());
    }
    if (!event.classification().equals(DEFAULT_CLASSIFICATION)) {
      init.add(".classification($T.$N)\n", GeneratedNames.DATA_CLASSIFICATION, event.classification());
    }
    for (OlderVersion older : reads) {
      // Each upcast() returns the next version's record, so the chain ends at this one's.
      init.add(".reads($S, $L, old -> old$L)\n", older.event().version().text(), codecs.get(older.event().type()),
          ".upcast()".repeat(older.path().size()));
    }
    FieldModel key = event.partitionKey();
    if (key != null) {
      init.add(".partitionKey($L.partitionKey($L))\n", codecs.get(event.type()), event.record().fields().indexOf(key));
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
}
