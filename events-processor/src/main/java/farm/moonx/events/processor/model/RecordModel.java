package farm.moonx.events.processor.model;

import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * A record the codecs write: an event's record or a record nested in one.
 *
 * @param type the record's class
 * @param element the record, for diagnostics and originating elements
 * @param fields its components in declaration order
 */
public record RecordModel(TypeRef type, TypeElement element, List<FieldModel> fields) {
  /** Copies the fields. */
  public RecordModel {
    fields = List.copyOf(fields);
  }
}
