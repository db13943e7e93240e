package farm.moonx.events.processor;

import com.google.auto.service.AutoService;
import farm.moonx.events.processor.reading.Annotations;
import farm.moonx.events.processor.reading.Baselines;
import farm.moonx.events.processor.reading.CatalogReader;
import farm.moonx.events.processor.reading.ClassPathCatalogs;
import farm.moonx.events.processor.reading.DeclarationReader;
import farm.moonx.events.processor.reading.EventReader;
import farm.moonx.events.processor.reading.RoundReader;
import farm.moonx.events.processor.steps.Generation;
import farm.moonx.events.processor.validation.Message;
import farm.moonx.events.processor.validation.Reporter;
import farm.moonx.events.processor.validation.Validator;
import farm.moonx.events.processor.writing.CatalogWriter;
import farm.moonx.events.processor.writing.GeneratedNames;
import farm.moonx.events.processor.writing.Output;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * The moonx-events annotation processor. Each round it reads every {@code @EventType} record
 * (deferring those whose component types are not generated yet, and with them the rest of
 * their catalog and the consumers selecting any of it), validates what is ready, collecting
 * every error, and writes each catalog's and each {@code @EventConsumer}'s classes; the
 * {@code ServiceLoader} file is written at the end. One bad record never stops the others,
 * and an unexpected exception becomes an error on the element being processed.
 */
@AutoService(Processor.class)
public final class EventProcessor extends AbstractProcessor {
  /** On the sources this processor writes; claimed only in rounds where every one is ours. */
  private static final String GENERATED = "javax.annotation.processing.Generated";
  private static final Set<String> ANNOTATIONS = Set.of(
      EventReader.EVENT_TYPE, DeclarationReader.EVENT_CATALOG, DeclarationReader.EVENT_CONSUMER,
      EventReader.PARTITION_KEY, EventReader.SENSITIVE, ClassPathCatalogs.CATALOG_INDEX, GENERATED);

  private Reporter reporter;
  private RoundReader reader;
  private Generation generation;

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    Elements elements = env.getElementUtils();
    reporter = new Reporter(env.getMessager());
    reader = new RoundReader(reporter, elements);
    CatalogReader catalogs = new CatalogReader(elements);
    generation = new Generation(reporter, catalogs, new Validator(reporter, elements, new Baselines(env.getOptions())),
        new CatalogWriter(new Output(env.getFiler(), elements), elements, catalogs::enumConstants));
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
    reader.read(round);
    RoundReader.Batch ready = reader.ready();
    if (!ready.isEmpty()) {
      generation.generate(ready);
    }
    if (round.processingOver()) {
      reader.unresolved().forEach(u -> reporter.report(Message.TYPE_UNRESOLVED, u.cause().component(),
          u.cause().component().getSimpleName(), u.cause().getMessage()));
      reporter.guarded(null, generation::finish);
    }
    return annotations.stream().allMatch(a -> ours(a, round));
  }

  /**
   * Whether {@code annotation} is ours to claim: javac warns under {@code -Xlint:processing}
   * about every annotation no processor claims, and offers a claimed one to no later processor.
   * Our annotation types are ours alone; {@code @Generated} only when every type carrying it
   * this round was written by us, so other processors' generated code stays theirs.
   */
  private boolean ours(TypeElement annotation, RoundEnvironment round) {
    if (!annotation.getQualifiedName().contentEquals(GENERATED)) {
      return true;
    }
    return round.getElementsAnnotatedWith(annotation).stream().allMatch(EventProcessor::writtenByUs);
  }

  private static boolean writtenByUs(Element element) {
    AnnotationMirror generated = Annotations.find(element, GENERATED);
    return generated != null && Annotations.array(generated, "value").stream()
        .anyMatch(v -> GeneratedNames.PROCESSOR.equals(v.getValue()));
  }
}
