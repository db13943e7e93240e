package farm.moonx.events.processor.model;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;

/**
 * One {@code @EventType} element as written, before validation.
 *
 * @param element the annotated type
 * @param annotation the {@code @EventType} mirror
 * @param name the event name and its annotation value
 * @param version the version and its annotation value
 * @param classification the {@code DataClassification} constant's name
 * @param record the record's model, or null if the element is not a record
 * @param nested every record reachable from the components (transitively), sorted, without this one
 */
public record EventModel(
    TypeElement element,
    AnnotationMirror annotation,
    Attribute name,
    Attribute version,
    String classification,
    RecordModel record,
    List<RecordModel> nested) {

  /** Copies the nested records. */
  public EventModel {
    nested = List.copyOf(nested);
  }

  /** The record class. */
  public TypeRef type() {
    return record.type();
  }

  /** The {@code @PartitionKey} component, or null. */
  public FieldModel partitionKey() {
    return record.fields().stream().filter(FieldModel::partitionKey).findFirst().orElse(null);
  }
}
