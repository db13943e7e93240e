package farm.moonx.events.processor.steps;

import com.palantir.javapoet.ClassName;
import farm.moonx.events.processor.model.Baseline;
import farm.moonx.events.processor.model.CatalogModel;
import farm.moonx.events.processor.model.ConsumerModel;
import farm.moonx.events.processor.model.EventModel;
import farm.moonx.events.processor.model.HandlerModel;
import farm.moonx.events.processor.model.KnownEvent;
import farm.moonx.events.processor.model.OlderVersion;
import farm.moonx.events.processor.model.RecordModel;
import farm.moonx.events.processor.model.TypeRef;
import farm.moonx.events.processor.reading.Baselines;
import farm.moonx.events.processor.reading.ClassPathCatalogs;
import farm.moonx.events.processor.reading.DeclarationReader;
import farm.moonx.events.processor.validation.CatalogChecks;
import farm.moonx.events.processor.validation.CompatibilityChecks;
import farm.moonx.events.processor.validation.ConsumerResolver;
import farm.moonx.events.processor.validation.EventChecks;
import farm.moonx.events.processor.validation.Message;
import farm.moonx.events.processor.validation.Reporter;
import farm.moonx.events.processor.validation.VersionChecks;
import farm.moonx.events.processor.writing.AsyncApiWriter;
import farm.moonx.events.processor.writing.CatalogIndexWriter;
import farm.moonx.events.processor.writing.CodecGenerator;
import farm.moonx.events.processor.writing.GeneratedNames;
import farm.moonx.events.processor.writing.HandlerGenerator;
import farm.moonx.events.processor.writing.JsonSchemaWriter;
import farm.moonx.events.processor.writing.MarkerGenerator;
import farm.moonx.events.processor.writing.Output;
import farm.moonx.events.processor.writing.PublisherGenerator;
import farm.moonx.events.processor.writing.RegistryGenerator;
import farm.moonx.events.processor.writing.TypeScriptWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Validates what was read and writes every output, remembering across rounds what was
 * written: catalogs are written once, codec holders once per record, and the {@code ServiceLoader}
 * file at the end, listing every catalog of the compilation.
 */
public final class Generation {
  private final Reporter reporter;
  private final Elements elements;
  private final Output output;
  private final Set<String> writtenCatalogs = new HashSet<>();
  private final Set<TypeRef> writtenCodecs = new HashSet<>();
  private final Set<String> registries = new TreeSet<>();
  private final List<KnownEvent> localEvents = new ArrayList<>();
  private final List<Element> serviceOrigins = new ArrayList<>();
  private final Baselines baselines;
  private boolean baselineOffNoted;

  /** Reports through {@code reporter}, writes through {@code output}, checks against {@code baselines}. */
  public Generation(Reporter reporter, Elements elements, Output output, Baselines baselines) {
    this.reporter = reporter;
    this.elements = elements;
    this.output = output;
    this.baselines = baselines;
  }

  /** Validates and writes the events read so far, their catalogs, and the consumers. */
  public void generate(List<EventModel> events, Map<String, CatalogModel> declared, List<ConsumerModel> consumers) {
    EventChecks validator = new EventChecks(reporter, elements);
    List<EventModel> valid = new ArrayList<>();
    for (EventModel event : events) {
      reporter.guarded(event.element(), () -> {
        if (validator.validate(event)) {
          valid.add(event);
        }
      });
    }
    Map<String, List<EventModel>> byPackage = new TreeMap<>();
    for (EventModel event : valid) {
      byPackage.computeIfAbsent(event.type().packageName(), p -> new ArrayList<>()).add(event);
    }
    Set<String> own = new HashSet<>(registries);
    byPackage.keySet().forEach(p -> own.add(GeneratedNames.registry(p, catalogOf(p, declared).name()).canonicalName()));
    List<KnownEvent> classPath = ClassPathCatalogs.read(elements, own);
    Set<EventModel> rejected = new CatalogChecks(reporter).duplicates(valid, visible(classPath));
    VersionChecks.Split versions = new VersionChecks(reporter).split(valid.stream().filter(e -> !rejected.contains(e)).toList());
    byPackage.forEach((pkg, inPackage) -> {
      List<EventModel> accepted = inPackage.stream().filter(versions.newest()::contains)
          .sorted(Comparator.comparing(e -> e.name().text())).toList();
      List<OlderVersion> older = versions.older().stream().filter(o -> o.event().type().packageName().equals(pkg))
          .sorted(Comparator.comparing((OlderVersion o) -> o.event().name().text()).thenComparingInt(OlderVersion::major))
          .toList();
      CatalogModel catalog = catalogOf(pkg, declared);
      reporter.guarded(catalog.element(), () -> catalog(catalog, accepted, older));
    });
    // Again after the catalogs above: consumers also see the events they just added.
    List<KnownEvent> visible = visible(classPath);
    ConsumerResolver resolver = new ConsumerResolver(reporter);
    Set<String> disputed = new HashSet<>();
    rejected.forEach(e -> disputed.add(e.name().text()));
    for (ConsumerModel consumer : resolver.distinct(consumers)) {
      reporter.guarded(consumer.element(), () -> consumer(consumer, resolver.resolve(consumer, visible, disputed)));
    }
  }

  /** The events of catalogs on the class path and of those written in this compilation so far. */
  private List<KnownEvent> visible(List<KnownEvent> classPath) {
    List<KnownEvent> visible = new ArrayList<>(classPath);
    visible.addAll(localEvents);
    return visible;
  }

  /** Writes the {@code ServiceLoader} file, once processing is over. */
  public void finish() throws IOException {
    Set<String> entries = new TreeSet<>(registries);
    if (!entries.isEmpty()) {
      output.services(entries, elements, serviceOrigins);
    }
  }

  private CatalogModel catalogOf(String pkg, Map<String, CatalogModel> declared) {
    CatalogModel catalog = declared.get(pkg);
    if (catalog != null) {
      return catalog;
    }
    PackageElement element = elements.getPackageElement(pkg);
    return DeclarationReader.defaultCatalog(element);
  }

  private void catalog(CatalogModel declaration, List<EventModel> events, List<OlderVersion> older) throws IOException {
    if (events.isEmpty()) {
      return;
    }
    String pkg = declaration.packageName();
    if (writtenCatalogs.contains(pkg)) {
      events.forEach(e -> reporter.report(Message.CATALOG_CLOSED, e.element(), e.element().getSimpleName(),
          declaration.name()));
      return;
    }
    if (!new CatalogChecks(reporter).catalogName(declaration.nameValue(), declaration.element(),
        declaration.annotation())) {
      return;
    }
    writtenCatalogs.add(pkg);
    CatalogModel catalog = new CatalogModel(declaration.name(), pkg, declaration.topic(), declaration.element(),
        declaration.annotation(), declaration.nameValue(), events, older);
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
    for (OlderVersion version : older) {
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
    for (Map.Entry<String, String> schema : JsonSchemaWriter.schemas(catalog, this::enumConstants).entrySet()) {
      output.resource(schema.getKey(), schema.getValue(), origins);
    }
    output.resource(GeneratedNames.asyncApi(catalog.name()), AsyncApiWriter.document(catalog, this::enumConstants),
        origins);
    output.resource(GeneratedNames.typeScript(catalog.name()),
        TypeScriptWriter.declarations(catalog, this::enumConstants), origins);
    compatibility(catalog, index);
    registries.add(registry.qualifiedName());
    localEvents.addAll(known);
    serviceOrigins.addAll(origins);
  }

  /**
   * Checks {@code catalog} against its baseline, or writes its {@code index} as the baseline
   * when asked to; without a configured baseline directory, says once that the check is off.
   */
  private void compatibility(CatalogModel catalog, String index) throws IOException {
    if (!baselines.configured()) {
      if (!baselineOffNoted) {
        baselineOffNoted = true;
        reporter.report(Message.COMPAT_BASELINE_OFF, null, Baselines.DIRECTORY);
      }
      return;
    }
    String path = baselines.path(catalog.name()).toString();
    if (baselines.writing()) {
      baselines.write(catalog.name(), index);
      reporter.report(Message.COMPAT_BASELINE_WRITTEN, null, catalog.name(), path);
      return;
    }
    Baseline baseline;
    try {
      baseline = baselines.read(catalog.name());
    } catch (IllegalArgumentException e) {
      reporter.report(Message.COMPAT_BASELINE_INVALID, catalog.element(), path, catalog.name(), e.getMessage(),
          Baselines.WRITE);
      return;
    }
    if (baseline == null) {
      reporter.report(Message.COMPAT_BASELINE_MISSING, null, catalog.name(), path, Baselines.WRITE);
      return;
    }
    new CompatibilityChecks(reporter).check(catalog, Baselines.mode(catalog), baseline);
  }

  /** The constants of enum {@code type}, in declaration order. */
  private List<String> enumConstants(TypeRef type) {
    TypeElement element = elements.getTypeElement(type.qualifiedName());
    return element == null ? List.of() : element.getEnclosedElements().stream()
        .filter(e -> e.getKind() == ElementKind.ENUM_CONSTANT).map(e -> e.getSimpleName().toString()).toList();
  }

  private void codec(RecordModel record) throws IOException {
    if (writtenCodecs.add(record.type())) {
      output.source(record.type().packageName(), CodecGenerator.generate(record), List.of(record.element()));
    }
  }

  private void consumer(ConsumerModel consumer, List<KnownEvent> selected) throws IOException {
    if (selected == null) {
      return;
    }
    List<Element> origins = new ArrayList<>();
    origins.add(consumer.element());
    selected.stream().filter(KnownEvent::local).forEach(e -> origins.add(e.element()));
    handlers(new HandlerModel(consumer.name().text(), consumer.packageName(), selected, origins));
  }

  /** Writes the handler interface and the dispatcher of a catalog or an {@code @EventConsumer}. */
  private void handlers(HandlerModel model) throws IOException {
    output.source(model.packageName(), HandlerGenerator.handler(model), model.originating());
    output.source(model.packageName(), HandlerGenerator.dispatcher(model), model.originating());
  }

  private static TypeRef ref(ClassName name) {
    return new TypeRef(name.packageName(), name.simpleNames());
  }
}
