package farm.moonx.events.processor.writing;

import farm.moonx.events.processor.model.CatalogModel;
import farm.moonx.events.processor.model.EventModel;
import farm.moonx.events.processor.model.OlderVersion;
import farm.moonx.events.processor.model.RecordModel;
import farm.moonx.events.processor.model.TypeRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * One JSON Schema (2020-12) per event version, of the whole envelope as Java and TypeScript
 * services write it: {@code metadata} as the TypeScript {@code EventMetadata}, {@code data} as
 * the version's record; nested records under {@code $defs}, sorted.
 */
public final class JsonSchemaWriter {
  private JsonSchemaWriter() {}

  /** Every event version of {@code catalog}, oldest first per name. */
  static List<EventModel> versions(CatalogModel catalog) {
    List<EventModel> all = new ArrayList<>();
    for (EventModel event : catalog.events()) {
      catalog.olderOf(event.name().text()).stream().map(OlderVersion::event).forEach(all::add);
      all.add(event);
    }
    return all;
  }

  /** The schemas of {@code catalog}'s event versions, by resource path. */
  public static Map<String, String> schemas(CatalogModel catalog, Function<TypeRef, List<String>> enumConstants) {
    JsonSchemas schemas = new JsonSchemas("#/$defs/", enumConstants);
    Map<String, String> files = new LinkedHashMap<>();
    for (EventModel event : versions(catalog)) {
      Map<String, Object> defs = new TreeMap<>();
      defs.put("EventMetadata", schemas.metadata(event));
      defs.put(JsonSchemas.definition(event.type()), schemas.record(event.record()));
      for (RecordModel nested : event.nested()) {
        defs.put(JsonSchemas.definition(nested.type()), schemas.record(nested));
      }
      Map<String, Object> doc = JsonSchemas.map(
          "$schema", "https://json-schema.org/draft/2020-12/schema",
          "$id", "urn:moonx-events:" + catalog.name() + ":" + event.name().text() + ":" + event.version().text(),
          "title", event.name().text() + " " + event.version().text(),
          "description", "The envelope of \"" + event.name().text() + "\" version " + event.version().text()
              + " (record " + event.type().qualifiedName() + ") as Java and TypeScript services write it.",
          "type", "object",
          "required", List.of("metadata", "data"),
          "properties", JsonSchemas.map(
              "metadata", Map.of("$ref", "#/$defs/EventMetadata"),
              "data", Map.of("$ref", "#/$defs/" + JsonSchemas.definition(event.type()))),
          "$defs", defs);
      files.put(GeneratedNames.jsonSchema(catalog.name(), event.name().text(), event.version().text()),
          JsonTree.print(doc));
    }
    return files;
  }
}
