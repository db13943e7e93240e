package farm.moonx.events.processor.model;

import javax.lang.model.element.AnnotationValue;

/**
 * A string read from an annotation, with the value it came from so that a diagnostic points at
 * the literal.
 *
 * @param text the string
 * @param value the annotation value (null when defaulted)
 */
public record Attribute(String text, AnnotationValue value) {}
