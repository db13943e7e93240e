package farm.moonx.events.internal;

import farm.moonx.events.EventDescriptor;
import farm.moonx.events.EventEnvelope;
import farm.moonx.events.annotations.DataClassification;
import farm.moonx.events.spi.JsonEventSerializer;
import farm.moonx.events.spi.JsonIn;
import farm.moonx.events.spi.JsonOut;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The view of an event that tools may show: its JSON envelope with the data withheld for
 * confidential and restricted events, and the values of {@code @Sensitive} components replaced
 * by {@value #REDACTED}. Driven by the descriptor (what the processor generated), never by
 * reflection on the record.
 */
public final class Redaction {
  /** What stands in for a withheld value. */
  public static final String REDACTED = "<redacted>";

  private Redaction() {}

  /** Whether events of {@code descriptor} carry values that must not be shown. */
  public static boolean hidesValues(EventDescriptor<?> descriptor) {
    return sensitive(descriptor.classification()) || !descriptor.sensitiveFields().isEmpty();
  }

  /** Whether the data of {@code envelope} must be withheld entirely (by classification). */
  public static boolean withholdsData(EventEnvelope<?> envelope, EventDescriptor<?> descriptor) {
    return sensitive(envelope.metadata().dataClassification())
        || (descriptor != null && sensitive(descriptor.classification()));
  }

  /** The envelope as indented JSON, redacted as the class describes. */
  @SuppressWarnings("unchecked") // the envelope is a JSON object, its data too
  public static String json(EventEnvelope<?> envelope, EventDescriptor<?> descriptor) {
    Map<String, Object> tree;
    try {
      tree = new LinkedHashMap<>((Map<String, Object>) JsonIn.of(serialize(envelope, descriptor), "").value());
    } catch (IOException e) {
      throw new UncheckedIOException("could not redact the JSON of " + descriptor.name(), e);
    }
    if (withholdsData(envelope, descriptor)) {
      tree.put("data", REDACTED + " (" + classificationOf(descriptor) + ")");
    } else {
      Map<String, Object> data = new LinkedHashMap<>((Map<String, Object>) tree.get("data"));
      data.replaceAll((name, value) -> descriptor.sensitiveFields().contains(name) ? REDACTED : value);
      tree.put("data", data);
    }
    StringBuilder text = new StringBuilder();
    indent(tree, "", text);
    return text.toString();
  }

  private static <T> byte[] serialize(EventEnvelope<?> envelope, EventDescriptor<T> descriptor) {
    return JsonEventSerializer.shared().serialize(descriptor.castEnvelope(envelope), descriptor);
  }

  /** Objects one member per line, indented by two; arrays and scalars as the engine writes them. */
  private static void indent(Object value, String margin, StringBuilder text) {
    if (!(value instanceof Map<?, ?> map) || map.isEmpty()) {
      JsonOut out = JsonOut.create();
      JsonValues.write(out, value, "value");
      text.append(new String(out.toByteArray(), StandardCharsets.UTF_8));
      return;
    }
    text.append("{\n");
    for (Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<?, ?> member = it.next();
      JsonOut name = JsonOut.create();
      name.string(String.valueOf(member.getKey()));
      text.append(margin).append("  ").append(new String(name.toByteArray(), StandardCharsets.UTF_8)).append(" : ");
      indent(member.getValue(), margin + "  ", text);
      text.append(it.hasNext() ? ",\n" : "\n");
    }
    text.append(margin).append('}');
  }

  private static String classificationOf(EventDescriptor<?> descriptor) {
    return descriptor.classification() != null ? descriptor.classification().wireName() : "sensitive";
  }

  private static boolean sensitive(DataClassification classification) {
    return classification != null && classification.isSensitive();
  }
}
