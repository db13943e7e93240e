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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;

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

  /** Compiles with the processor, treating every lint warning as an error. */
  static Compilation strict(List<JavaFileObject> files) {
    return javac().withProcessors(new EventProcessor()).withOptions("-Xlint:all,-processing", "-Werror").compile(files);
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

  /** A class loader over the class files {@code compilation} generated. */
  static ClassLoader loader(Compilation compilation) {
    Map<String, byte[]> classes = new HashMap<>();
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() == JavaFileObject.Kind.CLASS) {
        String path = file.toUri().getPath();
        String name = path.substring(path.indexOf("/CLASS_OUTPUT/") + "/CLASS_OUTPUT/".length(), path.length() - 6)
            .replace('/', '.');
        try (InputStream in = file.openInputStream()) {
          classes.put(name, in.readAllBytes());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return new ClassLoader(TestCompiler.class.getClassLoader()) {
      @Override
      protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = classes.get(name);
        if (bytes == null) {
          throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
      }
    };
  }
}
