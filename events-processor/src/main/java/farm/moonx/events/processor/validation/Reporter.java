package farm.moonx.events.processor.validation;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Prints {@link Message}s on the exact element, annotation and value (so javac underlines the
 * string literal), and counts the errors.
 */
public final class Reporter {
  private final Messager messager;
  private int errors;

  /** A reporter printing through {@code messager}. */
  public Reporter(Messager messager) {
    this.messager = messager;
  }

  /** Reports {@code message} on {@code element}. */
  public void report(Message message, Element element, Object... args) {
    report(message, element, null, null, args);
  }

  /**
   * Reports {@code message} on {@code value} of {@code annotation} on {@code element}; either
   * may be null to point at the element (or annotation) instead.
   */
  public void report(
      Message message, Element element, AnnotationMirror annotation, AnnotationValue value, Object... args) {
    if (message.kind() == Diagnostic.Kind.ERROR) {
      errors++;
    }
    String text = message.format(args);
    if (annotation == null) {
      messager.printMessage(message.kind(), text, element);
    } else if (value == null) {
      messager.printMessage(message.kind(), text, element, annotation);
    } else {
      messager.printMessage(message.kind(), text, element, annotation, value);
    }
  }

  /** Reports an unexpected exception on {@code element}, with its stack trace. */
  public void failure(Element element, Throwable t) {
    StringWriter trace = new StringWriter();
    t.printStackTrace(new PrintWriter(trace));
    report(Message.PROCESSOR_FAILURE, element, trace);
  }

  /** Runs {@code action}, turning any unexpected exception into an error on {@code element}. */
  public void guarded(Element element, Action action) {
    try {
      action.run();
    } catch (IOException | RuntimeException e) {
      failure(element, e);
    }
  }

  /** Work that may fail unexpectedly; see {@link #guarded}. */
  @FunctionalInterface
  public interface Action {
    /** Does the work. */
    void run() throws IOException;
  }

  /** The number of errors reported so far. */
  public int errorCount() {
    return errors;
  }
}
