package farm.moonx.events.processor;

import com.google.auto.service.AutoService;
import farm.moonx.events.processor.model.CatalogModel;
import farm.moonx.events.processor.model.ConsumerModel;
import farm.moonx.events.processor.model.EventModel;
import farm.moonx.events.processor.reading.Baselines;
import farm.moonx.events.processor.reading.DeclarationReader;
import farm.moonx.events.processor.reading.EventReader;
import farm.moonx.events.processor.steps.Generation;
import farm.moonx.events.processor.validation.CatalogChecks;
import farm.moonx.events.processor.validation.Message;
import farm.moonx.events.processor.validation.Reporter;
import farm.moonx.events.processor.writing.Output;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;

/**
 * The moonx-events annotation processor. Each round it reads every {@code @EventType} record
 * (deferring those whose component types are not generated yet), and once nothing is deferred
 * it validates them, collecting every error, and writes each catalog's and each
 * {@code @EventConsumer}'s classes; the {@code ServiceLoader} file is written at the end. One
 * bad record never stops the others, and an unexpected exception becomes an error on the
 * element being processed.
 */
@AutoService(Processor.class)
public final class EventProcessor extends AbstractProcessor {
  private static final Set<String> ANNOTATIONS = Set.of(
      EventReader.EVENT_TYPE, DeclarationReader.EVENT_CATALOG, DeclarationReader.EVENT_CONSUMER,
      EventReader.PARTITION_KEY);

  private Reporter reporter;
  private Generation generation;
  /** Records whose component types were unresolved, by name, with the component to blame. */
  private final Map<String, EventReader.Deferred> deferred = new TreeMap<>();
  private final List<EventModel> read = new ArrayList<>();
  private final Map<String, CatalogModel> declaredCatalogs = new LinkedHashMap<>();
  private final List<ConsumerModel> consumers = new ArrayList<>();

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    reporter = new Reporter(env.getMessager());
    generation = new Generation(
        reporter, env.getElementUtils(), new Output(env.getFiler(), env.getElementUtils()),
        new Baselines(env.getOptions()));
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return ANNOTATIONS;
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Baselines.OPTIONS;
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    readCatalogs(round);
    readEvents(round);
    for (Element element : annotated(round, DeclarationReader.EVENT_CONSUMER)) {
      reporter.guarded(element, () -> consumers.add(DeclarationReader.consumer(element)));
    }
    if (deferred.isEmpty() && (!read.isEmpty() || !consumers.isEmpty())) {
      generation.generate(List.copyOf(read), Map.copyOf(declaredCatalogs), List.copyOf(consumers));
      read.clear();
      consumers.clear();
    }
    if (round.processingOver()) {
      deferred.values().forEach(d -> reporter.report(
          Message.TYPE_UNRESOLVED, d.component(), d.component().getSimpleName(), d.getMessage()));
      reporter.guarded(null, generation::finish);
    }
    // Not claimed: javac stops offering a round to later processors once every annotation in
    // it is claimed, which starves generators supporting "*" (RoundsAndBuildsTest).
    return false;
  }

  private void readCatalogs(RoundEnvironment round) {
    CatalogChecks checks = new CatalogChecks(reporter);
    List<Element> declarations = new ArrayList<>(annotated(round, DeclarationReader.EVENT_CATALOG));
    // Packages first, then types by name: the duplicate is reported on the same element every build.
    declarations.sort(Comparator.comparing((Element e) -> e.getKind() != ElementKind.PACKAGE)
        .thenComparing(Element::toString));
    for (Element element : declarations) {
      reporter.guarded(element, () -> {
        CatalogModel catalog = DeclarationReader.catalog(element);
        CatalogModel first = declaredCatalogs.putIfAbsent(catalog.packageName(), catalog);
        if (first != null) {
          checks.duplicateCatalog(element, catalog.annotation(), catalog.packageName(), first.element());
        }
      });
    }
  }

  private void readEvents(RoundEnvironment round) {
    Map<String, TypeElement> todo = new TreeMap<>();
    for (String name : deferred.keySet()) {
      TypeElement again = processingEnv.getElementUtils().getTypeElement(name);
      if (again != null) {
        todo.put(name, again);
      }
    }
    deferred.clear();
    for (Element element : annotated(round, EventReader.EVENT_TYPE)) {
      if (element instanceof TypeElement type) {
        todo.put(type.getQualifiedName().toString(), type);
      }
    }
    todo.forEach((name, type) -> reporter.guarded(type, () -> {
      try {
        read.add(EventReader.read(type));
      } catch (EventReader.Deferred d) {
        deferred.put(name, d);
      }
    }));
  }

  private Set<? extends Element> annotated(RoundEnvironment round, String annotation) {
    TypeElement type = processingEnv.getElementUtils().getTypeElement(annotation);
    return type == null ? Set.of() : round.getElementsAnnotatedWith(type);
  }
}
