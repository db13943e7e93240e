package farm.moonx.events.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One expected source per generated kind ({@code src/test/resources/expected}), compared with
 * {@code hasSourceEquivalentTo}; the good sources compile without a single warning under
 * {@code -Xlint:all -Werror}. Run with {@code -Dregenerate.expected=true} to rewrite the
 * expected files after an intended change, then review the diff.
 */
class GeneratedSourcesTest {
  private static Compilation compilation;

  @BeforeAll
  static void compile() {
    compilation = TestCompiler.strict(TestCompiler.sources("good"));
  }

  @Test
  void goodSourcesCompileWithoutAnyWarning() {
    assertThat(compilation).succeededWithoutWarnings();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "com.example.payments.PaymentsEvents",
      "com.example.payments.PaymentsPublisher",
      "com.example.payments.PaymentsHandler",
      "com.example.payments.PaymentsDispatcher",
      "com.example.billing.BillingDispatcher",
      "farm.moonx.events.generated.catalogs.Catalog_com_example_payments"})
  void generatesTheExpectedSource(String type) throws IOException {
    String simpleName = type.substring(type.lastIndexOf('.') + 1);
    if (Boolean.getBoolean("regenerate.expected")) {
      JavaFileObject actual = compilation.generatedSourceFile(type).orElseThrow();
      Files.writeString(Path.of("src/test/resources/expected", simpleName + ".java"), actual.getCharContent(true));
    }
    assertThat(compilation)
        .generatedSourceFile(type)
        .hasSourceEquivalentTo(JavaFileObjects.forResource("expected/" + simpleName + ".java"));
  }

  @Test
  void writesTheCatalogIndexAndTheServiceFile() throws IOException {
    String index = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/events/Payments.json")
        .orElseThrow().getCharContent(true).toString();
    if (Boolean.getBoolean("regenerate.expected")) {
      Files.writeString(Path.of("src/test/resources/expected/Payments.json"), index);
    }
    org.assertj.core.api.Assertions.assertThat(index)
        .isEqualTo(Files.readString(Path.of("src/test/resources/expected/Payments.json")));
    assertThat(compilation)
        .generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/services/farm.moonx.events.EventRegistry")
        .contentsAsUtf8String()
        .isEqualTo("com.example.kitchen.KitchenEvents\ncom.example.payments.PaymentsEvents\n");
  }
}
