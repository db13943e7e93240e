package farm.moonx.events.processor.writing;

import com.palantir.javapoet.ClassName;
import farm.moonx.events.processor.model.CatalogModel;
import farm.moonx.events.processor.model.EventModel;
import farm.moonx.events.processor.model.HandlerModel;
import farm.moonx.events.processor.model.KnownEvent;
import farm.moonx.events.processor.model.OlderVersion;
import farm.moonx.events.processor.model.RecordModel;
import farm.moonx.events.processor.model.TypeRef;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import javax.lang.model.element.Element;
import javax.lang.model.util.Elements;

/**
 * Writes every output of a checked catalog and of a resolved consumer, remembering across
 * rounds what was written: codec holders once per record, and the {@code ServiceLoader} file at the
 * end, listing every catalog of the compilation.
 */
public final class CatalogWriter {
  private final Output output;
  private final Elements elements;
  private final Function<TypeRef, List<String>> enumConstants;
  private final Set<TypeRef> writtenCodecs = new HashSet<>();
  private final Set<String> registries = new TreeSet<>();
  private final List<Element> serviceOrigins = new ArrayList<>();

  /** Writes through {@code output}; {@code enumConstants} gives an enum's constants in declaration order. */
  public CatalogWriter(Output output, Elements elements, Function<TypeRef, List<String>> enumConstants) {
    this.output = output;
    this.elements = elements;
    this.enumConstants = enumConstants;
  }

  /**
   * What a catalog's files declare.
   *
   * @param events its events as consumers see them
   * @param index its catalog index JSON, also its compatibility baseline
   */
  public record Written(List<KnownEvent> events, String index) {}

  /** The registries written so far and those {@code catalogs} will have, by qualified name. */
  public Set<String> registries(Collection<CatalogModel> catalogs) {
    Set<String> all = new HashSet<>(registries);
    catalogs.forEach(c -> all.add(GeneratedNames.registry(c.packageName(), c.name()).canonicalName()));
    return all;
  }

  /**
   * The classes {@link #catalog} writes for {@code catalog}, by qualified name: the codec holders
   * not written yet, the registry, publisher, handler, dispatcher and marker.
   */
  public List<String> classes(CatalogModel catalog) {
    List<String> classes = new ArrayList<>();
    for (RecordModel record : CodecGenerator.standalone(catalog)) {
      if (!writtenCodecs.contains(record.type())) {
        classes.add(GeneratedNames.codec(record.type()).canonicalName());
      }
    }
    String pkg = catalog.packageName();
    classes.add(GeneratedNames.registry(pkg, catalog.name()).canonicalName());
    classes.add(GeneratedNames.publisher(pkg, catalog.name()).canonicalName());
    classes.addAll(classes(pkg, catalog.name()));
    classes.add(GeneratedNames.marker(pkg).canonicalName());
    return classes;
  }

  /**
   * The classes {@link #handlers} writes for a consumer named {@code prefix} in {@code pkg} (and
   * a catalog for its handler), by qualified name: the handler interface and the dispatcher.
   */
  public static List<String> classes(String pkg, String prefix) {
    return List.of(GeneratedNames.handler(pkg, prefix).canonicalName(),
        GeneratedNames.dispatcher(pkg, prefix).canonicalName());
  }

  /** Writes the codec holders, registry, publisher, handlers, marker, index and contracts of {@code catalog}. */
  public Written catalog(CatalogModel catalog) throws IOException {
    String pkg = catalog.packageName();
    List<EventModel> events = catalog.events();
    Map<String, String> constants = GeneratedNames.constants(events.stream().map(e -> e.name().text()).toList());
    TypeRef registry = ref(GeneratedNames.registry(pkg, catalog.name()));
    List<KnownEvent> known = new ArrayList<>();
    List<Element> origins = new ArrayList<>();
    origins.add(catalog.element());
    for (EventModel event : events) {
      known.add(new KnownEvent(event.name().text(), event.type(), registry, constants.get(event.name().text()),
          catalog.name(), event.element()));
      origins.add(event.element());
    }
    for (OlderVersion version : catalog.older()) {
      origins.add(version.event().element());
    }
    // The catalog's own records' codecs live in its registry; records of other packages get their own.
    for (RecordModel record : CodecGenerator.standalone(catalog)) {
      codec(record);
    }
    output.source(pkg, RegistryGenerator.generate(catalog, constants), origins);
    output.source(pkg, PublisherGenerator.generate(pkg, catalog.name(), known), origins);
    handlers(new HandlerModel(catalog.name(), pkg, known, origins));
    output.source(GeneratedNames.marker(pkg).packageName(),
        MarkerGenerator.generate(pkg, catalog.name(), catalog.topic(), known), origins);
    String index = CatalogIndexWriter.json(catalog, constants);
    output.resource(GeneratedNames.catalogIndex(catalog.name()), index, origins);
    // The same contract for other tools and the TypeScript services.
    for (Map.Entry<String, String> schema : JsonSchemaWriter.schemas(catalog, enumConstants::apply).entrySet()) {
      output.resource(schema.getKey(), schema.getValue(), origins);
    }
    output.resource(GeneratedNames.asyncApi(catalog.name()), AsyncApiWriter.document(catalog, enumConstants::apply),
        origins);
    output.resource(GeneratedNames.typeScript(catalog.name()),
        TypeScriptWriter.declarations(catalog, enumConstants::apply), origins);
    registries.add(registry.qualifiedName());
    serviceOrigins.addAll(origins);
    return new Written(known, index);
  }

  /** Writes the handler interface and the dispatcher of a catalog or an {@code @EventConsumer}. */
  public void handlers(HandlerModel model) throws IOException {
    output.source(model.packageName(), HandlerGenerator.handler(model), model.originating());
    output.source(model.packageName(), HandlerGenerator.dispatcher(model), model.originating());
  }

  /** Writes the {@code ServiceLoader} file listing every catalog written, if any. */
  public void services() throws IOException {
    if (!registries.isEmpty()) {
      output.services(new TreeSet<>(registries), elements, serviceOrigins);
    }
  }

  private void codec(RecordModel record) throws IOException {
    if (writtenCodecs.add(record.type())) {
      output.source(record.type().packageName(), CodecGenerator.generate(record), List.of(record.element()));
    }
  }

  private static TypeRef ref(ClassName name) {
    return new TypeRef(name.packageName(), name.simpleNames());
  }
}
