package farm.moonx.events.processor.writing;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import farm.moonx.events.processor.model.KnownEvent;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The catalog marker: an empty class in {@code farm.moonx.events.generated.catalogs} carrying
 * {@code @CatalogIndex}, through which other modules' processors find the catalog.
 */
public final class MarkerGenerator {
  private MarkerGenerator() {}

  /** The marker of the catalog {@code name} in {@code packageName}. */
  public static TypeSpec generate(String packageName, String name, String topic, List<KnownEvent> events) {
    ClassName marker = GeneratedNames.marker(packageName);
    AnnotationSpec.Builder index = AnnotationSpec.builder(GeneratedNames.CATALOG_INDEX)
        .addMember("name", "$S", name)
        .addMember("topic", "$S", topic)
        .addMember("registry", "$T.class", GeneratedNames.registry(packageName, name));
    index.addMember("events", array(events.stream().map(e -> CodeBlock.of("$S", e.name())).toList()));
    index.addMember("constants", array(events.stream().map(e -> CodeBlock.of("$S", e.constant())).toList()));
    index.addMember("records",
        array(events.stream().map(e -> CodeBlock.of("$T.class", GeneratedNames.className(e.record()))).toList()));
    return TypeSpec.classBuilder(marker)
        .addJavadoc("Not API: lets the moonx-events processor of other modules find catalog {@code $L}.\n", name)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addAnnotation(index.build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .build();
  }

  private static CodeBlock array(List<CodeBlock> items) {
    return CodeBlock.of("{$L}", CodeBlock.join(items, ", "));
  }
}
