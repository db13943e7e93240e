package farm.moonx.events.benchmarks;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the processor costs at build time: javac (in-process, {@code javax.tools}) on
 * {@value #RECORDS} {@code @EventType} records in {@value #CATALOGS} catalogs, once with the
 * moonx-events processor and once with {@code -proc:none}; a second baseline runs
 * {@link OneFileProcessor}, the floor any source-generating processor pays. One operation is one
 * full compile.
 * Returns the number of files written (class files, and generated sources with the processor).
 *
 * <p>After the first compile with the processor it also prints, once, the other half of the
 * issue's javac rows: {@code javac generated-lines/source-lines: G / S = R x}, counting every
 * line of the generated {@code .java} files against every line of the records' sources
 * (package-info files included). The count does not vary between runs, so one line is enough.
 */
@Fork(1)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class JavacBenchmark {
  static final int RECORDS = 1_000;
  static final int CATALOGS = 10;
  private static final String PROCESSOR = "farm.moonx.events.processor.EventProcessor";

  private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
  private Path sources;
  private Path output;
  private List<Path> files;
  private boolean linesReported;

  /** Writes the records' sources. */
  @Setup(Level.Trial)
  public void writeSources() throws IOException {
    sources = Files.createTempDirectory("javac-bench-src");
    files = new ArrayList<>();
    int perCatalog = RECORDS / CATALOGS;
    for (int c = 0; c < CATALOGS; c++) {
      String pkg = "bench.catalog" + c;
      Path dir = Files.createDirectories(sources.resolve(pkg.replace('.', '/')));
      files.add(write(dir.resolve("package-info.java"),
          "@farm.moonx.events.annotations.EventCatalog(name = \"Catalog" + c + "\", topic = \"catalog" + c + ".events\")\n"
              + "package " + pkg + ";\n"));
      for (int r = 0; r < perCatalog; r++) {
        String name = String.format(Locale.ROOT, "Event%03d", r);
        files.add(write(dir.resolve(name + ".java"), "package " + pkg + ";\n\n"
            + "import farm.moonx.events.annotations.EventType;\n"
            + "import farm.moonx.events.annotations.PartitionKey;\n\n"
            + "@EventType(\"catalog" + c + ".event" + r + "\")\n"
            + "public record " + name + "(@PartitionKey String userId, String orderId, java.math.BigDecimal amount,\n"
            + "    java.time.Instant at, int quantity, java.util.List<String> tags, java.util.Optional<String> note) {}\n"));
      }
    }
  }

  private static Path write(Path file, String text) throws IOException {
    return Files.writeString(file, text);
  }

  /** A fresh output directory per compile. */
  @Setup(Level.Invocation)
  public void freshOutput() throws IOException {
    output = Files.createTempDirectory("javac-bench-out");
  }

  /** With the moonx-events processor on the processor path. */
  @Benchmark
  public int withProcessor() throws IOException {
    String path = System.getProperty("java.class.path");
    return compile(List.of("-processorpath", path, "-processor", PROCESSOR));
  }

  /**
   * Only the processor's share: javac parses and enters the records and runs the processor
   * ({@code -proc:only}), but compiles nothing; with the other two it splits the cost into
   * running the processor and compiling what it generated.
   */
  @Benchmark
  public int processorOnly() throws IOException {
    String path = System.getProperty("java.class.path");
    return compile(List.of("-proc:only", "-processorpath", path, "-processor", PROCESSOR));
  }

  /**
   * Second baseline: the same sources with {@link OneFileProcessor}, which writes one empty
   * class: what javac's processing rounds cost any processor that generates a source, before
   * the processor does any work of its own.
   */
  @Benchmark
  public int withOneFileProcessor() throws IOException {
    String path = System.getProperty("java.class.path");
    return compile(List.of("-processorpath", path, "-processor", OneFileProcessor.class.getName()));
  }

  /** Baseline: the same sources, annotation processing off. */
  @Benchmark
  public int withoutProcessor() throws IOException {
    return compile(List.of("-proc:none"));
  }

  private int compile(List<String> processing) throws IOException {
    List<String> options = new ArrayList<>(List.of(
        "-d", output.toString(), "-s", output.toString(), "-classpath", System.getProperty("java.class.path"),
        "--release", "17", "-nowarn"));
    options.addAll(processing);
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      StringWriter log = new StringWriter();
      boolean ok = javac.getTask(log, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(this.files)).call();
      if (!ok) {
        throw new IllegalStateException("javac failed: " + diagnostics.getDiagnostics() + log);
      }
    }
    try (Stream<Path> classes = Files.walk(output)) {
      return (int) classes.filter(Files::isRegularFile).count();
    }
  }

  /** Reports the generated-lines ratio once (see the class comment), then deletes the compile's output. */
  @TearDown(Level.Invocation)
  public void deleteOutput() throws IOException {
    long generated = lines(output);
    if (generated > 0 && !linesReported && Files.exists(output.resolve("META-INF/events"))) {
      linesReported = true;
      long source = lines(sources);
      System.out.printf(Locale.ROOT, "%njavac generated-lines/source-lines: %d / %d = %.2f x%n",
          generated, source, (double) generated / source);
    }
    delete(output);
  }

  /** All lines of the {@code .java} files under {@code root}. */
  static long lines(Path root) throws IOException {
    long total = 0;
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path file : paths.filter(f -> f.toString().endsWith(".java")).toList()) {
        try (Stream<String> lines = Files.lines(file)) {
          total += lines.count();
        }
      }
    }
    return total;
  }

  /** Deletes the sources. */
  @TearDown(Level.Trial)
  public void deleteSources() throws IOException {
    delete(sources);
  }

  private static void delete(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
