package farm.moonx.events.processor.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

/** An unexpected exception becomes an error on the element with its stack trace, not a crashed build. */
class ReporterTest {
  @Test
  void unexpectedFailuresBecomeErrorsWithTheirStackTrace() {
    List<String> printed = new ArrayList<>();
    Reporter reporter = new Reporter(new Messager() {
      @Override
      public void printMessage(Diagnostic.Kind kind, CharSequence msg) {
        printed.add(kind + " " + msg);
      }

      @Override
      public void printMessage(Diagnostic.Kind kind, CharSequence msg, Element e) {
        printed.add(kind + " " + msg);
      }

      @Override
      public void printMessage(Diagnostic.Kind kind, CharSequence msg, Element e, AnnotationMirror a) {
        printed.add(kind + " " + msg);
      }

      @Override
      public void printMessage(Diagnostic.Kind kind, CharSequence msg, Element e, AnnotationMirror a, AnnotationValue v) {
        printed.add(kind + " " + msg);
      }
    });
    reporter.guarded(null, () -> {
      throw new IllegalStateException("boom");
    });
    assertThat(reporter.errorCount()).isEqualTo(1);
    assertThat(printed).singleElement().asString()
        .startsWith("ERROR [ProcessorFailure] the moonx-events processor failed on this element")
        .contains("java.lang.IllegalStateException: boom").contains("ReporterTest");
  }
}
