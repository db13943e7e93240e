package farm.moonx.events.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import farm.moonx.events.EventDescriptor;
import farm.moonx.events.EventEnvelope;
import farm.moonx.events.annotations.DataClassification;
import farm.moonx.events.spi.JsonEventSerializer;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The view of an event that tools may show: its JSON envelope with the data withheld for
 * confidential and restricted events, and the values of {@code @Sensitive} components replaced
 * by {@value #REDACTED}. Driven by the descriptor (what the processor generated), never by
 * reflection on the record.
 */
public final class Redaction {
  /** What stands in for a withheld value. */
  public static final String REDACTED = "<redacted>";

  private static final JsonFactory JSON = new JsonFactory();

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
  public static String json(EventEnvelope<?> envelope, EventDescriptor<?> descriptor) {
    return redact(serialize(envelope, descriptor), descriptor, withholdsData(envelope, descriptor));
  }

  private static <T> byte[] serialize(EventEnvelope<?> envelope, EventDescriptor<T> descriptor) {
    return JsonEventSerializer.shared().serialize(descriptor.castEnvelope(envelope), descriptor);
  }

  private static String redact(byte[] body, EventDescriptor<?> descriptor, boolean withholdData) {
    StringWriter out = new StringWriter();
    try (JsonParser in = JSON.createParser(body); JsonGenerator gen = JSON.createGenerator(out)) {
      gen.useDefaultPrettyPrinter();
      JsonToken token;
      while ((token = in.nextToken()) != null) {
        if (token == JsonToken.FIELD_NAME && in.getParsingContext().getParent().inRoot()
            && "data".equals(in.currentName())) {
          gen.writeFieldName("data");
          in.nextToken();
          if (withholdData) {
            in.skipChildren();
            gen.writeString(REDACTED + " (" + classificationOf(descriptor) + ")");
          } else {
            copyData(in, gen, descriptor);
          }
        } else {
          gen.copyCurrentEvent(in);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not redact the JSON of " + descriptor.name(), e);
    }
    return out.toString();
  }

  /** Copies the data object, replacing the values of its sensitive components. */
  private static void copyData(JsonParser in, JsonGenerator gen, EventDescriptor<?> descriptor) throws IOException {
    if (in.currentToken() != JsonToken.START_OBJECT) {
      gen.copyCurrentStructure(in);
      return;
    }
    gen.writeStartObject();
    while (in.nextToken() == JsonToken.FIELD_NAME) {
      String name = in.currentName();
      gen.writeFieldName(name);
      in.nextToken();
      if (descriptor.sensitiveFields().contains(name)) {
        in.skipChildren();
        gen.writeString(REDACTED);
      } else {
        gen.copyCurrentStructure(in);
      }
    }
    gen.writeEndObject();
  }

  private static String classificationOf(EventDescriptor<?> descriptor) {
    return descriptor.classification() != null ? descriptor.classification().wireName() : "sensitive";
  }

  private static boolean sensitive(DataClassification classification) {
    return classification != null && classification.isSensitive();
  }
}
