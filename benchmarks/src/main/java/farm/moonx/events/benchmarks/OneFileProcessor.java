package farm.moonx.events.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * The cheapest processor that generates a source file: in its first round it writes one empty
 * class, then does nothing. {@link JavacBenchmark} runs it on the same corpus as the
 * moonx-events processor to measure what javac charges any source-generating processor: the
 * extra processing rounds, in each of which javac enters every tree again.
 */
@SupportedAnnotationTypes("farm.moonx.events.annotations.*")
public final class OneFileProcessor extends AbstractProcessor {
  private boolean written;

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (!written) {
      written = true;
      try (Writer out = processingEnv.getFiler().createSourceFile("bench.generated.OneFile").openWriter()) {
        out.write("package bench.generated;\n\n/** Written by OneFileProcessor. */\npublic final class OneFile {}\n");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return false;
  }
}
