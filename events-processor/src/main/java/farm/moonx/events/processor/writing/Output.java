package farm.moonx.events.processor.writing;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/** Writes generated sources and resources through the {@link Filer}. */
public final class Output {
  private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
  private final Filer filer;
  private final boolean generatedAvailable;

  /** Writes through {@code filer}; {@code @Generated} is added when the platform has it. */
  public Output(Filer filer, Elements elements) {
    this.filer = filer;
    this.generatedAvailable = elements.getTypeElement(GENERATED.canonicalName()) != null;
  }

  /**
   * Writes {@code type} into {@code packageName}, marked {@code @Generated} with the processor's
   * name (no date, so builds are reproducible) and with its originating elements.
   */
  public void source(String packageName, TypeSpec type, Collection<? extends Element> originating) throws IOException {
    TypeSpec.Builder marked = type.toBuilder();
    if (generatedAvailable) {
      marked.addAnnotation(AnnotationSpec.builder(GENERATED).addMember("value", "$S", GeneratedNames.PROCESSOR).build());
    }
    TypeSpec spec = marked.build();
    // Rendered to a String and written in one piece: JavaFile.writeTo(Filer) writes each of its
    // many small fragments through the Filer's encoder.
    String text = JavaFile.builder(packageName, spec).skipJavaLangImports(true).build().toString();
    String name = packageName.isEmpty() ? spec.name() : packageName + "." + spec.name();
    JavaFileObject file = filer.createSourceFile(name, originating.toArray(new Element[0]));
    try (Writer writer = file.openWriter()) {
      writer.write(text);
    }
  }

  /** Writes a UTF-8 resource into the class output. */
  public void resource(String path, String content, List<? extends Element> originating) throws IOException {
    FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", path, originating.toArray(new Element[0]));
    try (Writer writer = file.openWriter()) {
      writer.write(content);
    }
  }

  /**
   * Writes the {@code ServiceLoader} file listing {@code registries} plus the entries of the
   * file a previous (incremental) compilation left in the class output, sorted.
   */
  public void services(Set<String> registries, Elements elements, List<? extends Element> originating)
      throws IOException {
    Set<String> all = new TreeSet<>(registries);
    // Keep an earlier compilation's entries only while their classes still exist.
    existingServices().stream().filter(e -> elements.getTypeElement(e) != null).forEach(all::add);
    StringBuilder content = new StringBuilder();
    all.forEach(r -> content.append(r).append('\n'));
    resource(GeneratedNames.SERVICES_FILE, content.toString(), originating);
  }

  private Set<String> existingServices() {
    Set<String> entries = new TreeSet<>();
    try {
      FileObject existing = filer.getResource(StandardLocation.CLASS_OUTPUT, "", GeneratedNames.SERVICES_FILE);
      try (Reader reader = new InputStreamReader(existing.openInputStream(), StandardCharsets.UTF_8);
           BufferedReader lines = new BufferedReader(reader)) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          String entry = line.replaceAll("#.*", "").trim();
          if (!entry.isEmpty()) {
            entries.add(entry);
          }
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      // No file from an earlier compilation (the usual case of a clean build): nothing to merge.
      return entries;
    }
    return entries;
  }
}
