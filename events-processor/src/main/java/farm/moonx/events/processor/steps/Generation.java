package farm.moonx.events.processor.steps;

import farm.moonx.events.processor.model.CatalogModel;
import farm.moonx.events.processor.model.ConsumerModel;
import farm.moonx.events.processor.model.EventModel;
import farm.moonx.events.processor.model.KnownEvent;
import farm.moonx.events.processor.reading.CatalogReader;
import farm.moonx.events.processor.reading.RoundReader;
import farm.moonx.events.processor.validation.Reporter;
import farm.moonx.events.processor.validation.Validator;
import farm.moonx.events.processor.writing.CatalogWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the stages over what a round made ready: reading builds the catalogs, validation checks
 * them (also that the classes each would write are not taken), writing writes what passed; then
 * the same for the consumers, which also see the events of the catalogs just written.
 */
public final class Generation {
  private final Reporter reporter;
  private final CatalogReader catalogs;
  private final Validator validator;
  private final CatalogWriter writer;
  /** The events of the catalogs written by this compilation so far. */
  private final List<KnownEvent> written = new ArrayList<>();

  /** Runs {@code catalogs}, {@code validator} and {@code writer}, reporting through {@code reporter}. */
  public Generation(Reporter reporter, CatalogReader catalogs, Validator validator, CatalogWriter writer) {
    this.reporter = reporter;
    this.catalogs = catalogs;
    this.validator = validator;
    this.writer = writer;
  }

  /** Checks and writes the catalogs of the batch's events, then its consumers. */
  public void generate(RoundReader.Batch batch) {
    List<EventModel> valid = validator.events(batch.events());
    Map<String, CatalogModel> declarations = catalogs.declarations(valid, batch.catalogs());
    // Without this compilation's own catalogs: their markers are visible from the next round on.
    List<KnownEvent> classPath = catalogs.classPath(writer.registries(declarations.values()));
    Validator.Accepted accepted = validator.catalogs(valid, declarations, visible(classPath));
    // Events reported already, so that consumers selecting them say nothing more.
    Set<String> disputed = new HashSet<>(accepted.disputed());
    for (CatalogModel catalog : accepted.catalogs()) {
      reporter.guarded(catalog.element(), () -> {
        if (!validator.classesFree(catalog, writer.classes(catalog), batch.sourceTypes())) {
          catalog.events().forEach(e -> disputed.add(e.name().text()));
          return;
        }
        CatalogWriter.Written files = writer.catalog(catalog);
        validator.compatibility(catalog, files.index());
        written.addAll(files.events());
      });
    }
    // After the catalogs above: consumers also see the events they just added.
    List<Validator.Resolved> consumers = validator.consumers(batch.consumers(), visible(classPath), disputed);
    for (Validator.Resolved resolved : consumers) {
      ConsumerModel consumer = resolved.consumer();
      reporter.guarded(consumer.element(), () -> {
        if (validator.classesFree(consumer, CatalogWriter.classes(consumer.packageName(), consumer.name().text()),
            batch.sourceTypes())) {
          writer.handlers(CatalogReader.handler(consumer, resolved.events()));
        }
      });
    }
  }

  /** Writes the {@code ServiceLoader} file, once processing is over. */
  public void finish() throws IOException {
    writer.services();
  }

  /** The events of catalogs on the class path and of those written in this compilation so far. */
  private List<KnownEvent> visible(List<KnownEvent> classPath) {
    List<KnownEvent> visible = new ArrayList<>(classPath);
    visible.addAll(written);
    return visible;
  }
}
