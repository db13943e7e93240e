package farm.moonx.events.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles test sources with the processor (compile-testing) and loads the generated classes
 * from memory, so tests run generated code built by the very compilation they inspect.
 */
final class TestCompiler {
  private TestCompiler() {}

  /** The source under {@code src/test/resources/}{@code path}. */
  static JavaFileObject source(String path) {
    return JavaFileObjects.forResource(path);
  }

  /** Every {@code .java} file under the resource directories {@code dirs}, sorted. */
  static List<JavaFileObject> sources(String... dirs) {
    List<JavaFileObject> files = new ArrayList<>();
    for (String dir : dirs) {
      URL url = TestCompiler.class.getClassLoader().getResource(dir);
      if (url == null) {
        throw new IllegalArgumentException("no test resource directory " + dir);
      }
      try {
        Path root = Path.of(url.toURI());
        try (Stream<Path> walk = Files.walk(root)) {
          walk.filter(p -> p.toString().endsWith(".java")).sorted().forEach(p -> files.add(
              source(dir + "/" + root.relativize(p).toString().replace(File.separatorChar, '/'))));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (URISyntaxException e) {
        throw new IllegalStateException(e);
      }
    }
    return files;
  }

  /**
   * Compiles with the processor under a user's strictest flags, {@code -Xlint:all -Werror}.
   * javac's {@code -Xlint:processing} warns about every annotation no processor claims, the
   * user's own too: the kitchen's {@code @Nullable} is claimed here by a stand-in for whatever
   * handles it in a real build, as it is not ours to claim; any of ours left unclaimed fails.
   */
  static Compilation strict(List<JavaFileObject> files) {
    return javac().withProcessors(new EventProcessor(), new Claiming("com.example.kitchen.Nullable"))
        .withOptions("-Xlint:all", "-Werror").compile(files);
  }

  /** Claims the annotations it is given and does nothing else: stands for another processor. */
  static final class Claiming extends AbstractProcessor {
    private final Set<String> annotations;

    Claiming(String... annotations) {
      this.annotations = Set.of(annotations);
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return annotations;
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> set, RoundEnvironment round) {
      return true;
    }
  }

  /** Compiles with the processor and {@code classPath} (plus the test class path). */
  static Compilation compile(List<JavaFileObject> files, List<File> classPath) {
    com.google.testing.compile.Compiler compiler = javac().withProcessors(new EventProcessor());
    if (!classPath.isEmpty()) {
      List<File> all = new ArrayList<>(classPath);
      for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
        all.add(new File(entry));
      }
      compiler = compiler.withClasspath(all);
    }
    return compiler.compile(files);
  }

  /** Compiles with the processor. */
  static Compilation compile(List<JavaFileObject> files) {
    return compile(files, List.of());
  }

  /**
   * The sources the processor generated while compiling {@code files}, as paths relative to the
   * source output, even when the compilation failed (compile-testing shows none then).
   */
  static List<String> generatedSourcesEvenOnFailure(List<JavaFileObject> files) {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    try (StandardJavaFileManager manager = compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
      Path out = Files.createTempDirectory("moonx-failed");
      manager.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(Files.createDirectory(out.resolve("s"))));
      manager.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(Files.createDirectory(out.resolve("c"))));
      JavaCompiler.CompilationTask task = compiler.getTask(null, manager, diagnostic -> { }, null, null, files);
      task.setProcessors(List.of(new EventProcessor()));
      task.call();
      try (Stream<Path> walk = Files.walk(out.resolve("s"))) {
        return walk.filter(Files::isRegularFile).map(p -> out.resolve("s").relativize(p).toString()
            .replace(File.separatorChar, '/')).sorted().toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes every class file and resource {@code compilation} generated under {@code dir}, as
   * javac would into {@code target/classes}.
   */
  static Path writeClassOutput(Compilation compilation, Path dir) {
    try {
      for (JavaFileObject file : compilation.generatedFiles()) {
        String path = file.toUri().getPath();
        int at = path.indexOf("/CLASS_OUTPUT/");
        if (at >= 0) {
          Path target = dir.resolve(path.substring(at + "/CLASS_OUTPUT/".length()));
          Files.createDirectories(target.getParent());
          try (InputStream in = file.openInputStream()) {
            Files.write(target, in.readAllBytes());
          }
        }
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A class loader over everything {@code compilation} generated (classes and resources such
   * as the ServiceLoader file), written to a temporary directory.
   */
  static ClassLoader loader(Compilation compilation) {
    try {
      Path dir = writeClassOutput(compilation, Files.createTempDirectory("moonx-generated"));
      dir.toFile().deleteOnExit();
      return new URLClassLoader(new URL[] {dir.toUri().toURL()}, TestCompiler.class.getClassLoader());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
