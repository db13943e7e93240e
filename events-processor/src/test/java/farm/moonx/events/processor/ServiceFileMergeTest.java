package farm.moonx.events.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An incremental compile writes into a class output that already holds the ServiceLoader file
 * of an earlier compile: the processor keeps the earlier entries whose classes still exist and
 * drops those whose classes are gone. Uses javac with a real output directory (as Maven and
 * Gradle do), since that is where the earlier file lives.
 */
class ServiceFileMergeTest {
  private static final String SERVICES = "META-INF/services/farm.moonx.events.EventRegistry";

  @TempDir
  Path out;

  private void compile(List<String> resources) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      List<File> sources = resources.stream().map(r -> {
        try {
          return Path.of(getClass().getClassLoader().getResource(r).toURI()).toFile();
        } catch (java.net.URISyntaxException e) {
          throw new IllegalStateException(e);
        }
      }).toList();
      Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromFiles(sources);
      String classPath = out + File.pathSeparator + System.getProperty("java.class.path");
      DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
      JavaCompiler.CompilationTask task = javac.getTask(
          null, files, diagnostics, List.of("-d", out.toString(), "-classpath", classPath), null, units);
      task.setProcessors(List.of(new EventProcessor()));
      assertThat(task.call()).as("%s", diagnostics.getDiagnostics()).isTrue();
    }
  }

  @Test
  void keepsEntriesOfAnEarlierCompileWhoseClassesStillExist() throws IOException {
    Path services = out.resolve(SERVICES);
    compile(List.of("good/com/example/kitchen/Everything.java", "good/com/example/kitchen/Nullable.java"));
    assertThat(Files.readAllLines(services)).containsExactly("com.example.kitchen.KitchenEvents");
    // A catalog an even earlier compile registered, whose sources (and classes) are gone since.
    Files.writeString(services, Files.readString(services) + "com.example.gone.GoneEvents # removed\n");

    compile(List.of("good/com/example/payments/package-info.java", "good/com/example/payments/PaymentFailed.java"));

    assertThat(Files.readAllLines(services))
        .containsExactly("com.example.kitchen.KitchenEvents", "com.example.payments.PaymentsEvents");
  }
}
