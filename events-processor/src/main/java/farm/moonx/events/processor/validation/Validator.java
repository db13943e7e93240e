package farm.moonx.events.processor.validation;

import farm.moonx.events.processor.model.Attribute;
import farm.moonx.events.processor.model.Baseline;
import farm.moonx.events.processor.model.CatalogModel;
import farm.moonx.events.processor.model.ConsumerModel;
import farm.moonx.events.processor.model.EventModel;
import farm.moonx.events.processor.model.KnownEvent;
import farm.moonx.events.processor.model.OlderVersion;
import farm.moonx.events.processor.reading.Baselines;
import farm.moonx.events.processor.reading.CatalogReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.util.Elements;

/**
 * Every check of what was read, in order: each event on its own, then names and versions
 * across events and catalogs, then consumers against the visible events, then each written
 * catalog against its compatibility baseline. Each problem is reported; what passes is returned.
 * Remembers across rounds which catalogs are closed (accepted once, with all their events).
 */
public final class Validator {
  private final Reporter reporter;
  private final Elements elements;
  private final Baselines baselines;
  private final Set<String> closedCatalogs = new HashSet<>();
  /** What each class generated so far was claimed for ({@code catalog "Payments"}), by qualified name. */
  private final Map<String, String> claimed = new HashMap<>();
  private boolean baselineOffNoted;

  /** Reports through {@code reporter}, checks against {@code baselines}. */
  public Validator(Reporter reporter, Elements elements, Baselines baselines) {
    this.reporter = reporter;
    this.elements = elements;
    this.baselines = baselines;
  }

  /**
   * What passed the checks across events and catalogs.
   *
   * @param catalogs the catalogs that passed, complete with their events
   * @param disputed the event names declared twice (reported already, so consumers selecting
   *     them say nothing more)
   */
  public record Accepted(List<CatalogModel> catalogs, Set<String> disputed) {}

  /**
   * A consumer and the events it selects, sorted by name.
   *
   * @param consumer the consumer
   * @param events its events
   */
  public record Resolved(ConsumerModel consumer, List<KnownEvent> events) {}

  /** The events valid on their own. */
  public List<EventModel> events(List<EventModel> events) {
    EventChecks checks = new EventChecks(reporter, elements);
    List<EventModel> valid = new ArrayList<>();
    for (EventModel event : events) {
      reporter.guarded(event.element(), () -> {
        if (checks.validate(event)) {
          valid.add(event);
        }
      });
    }
    return valid;
  }

  /**
   * The catalogs of {@code declarations} (by package) with the newest version of each name of
   * the {@code valid} events and the older versions still read; names are unique among them
   * and the {@code visible} events, and each catalog is named well and not closed yet.
   */
  public Accepted catalogs(List<EventModel> valid, Map<String, CatalogModel> declarations, List<KnownEvent> visible) {
    Set<EventModel> rejected = new CatalogChecks(reporter).duplicates(valid, visible);
    VersionChecks.Split versions = new VersionChecks(reporter).split(
        valid.stream().filter(e -> !rejected.contains(e)).toList());
    List<CatalogModel> accepted = new ArrayList<>();
    Set<EventModel> newestOnes = Collections.newSetFromMap(new IdentityHashMap<>());
    newestOnes.addAll(versions.newest());
    declarations.forEach((pkg, declaration) -> {
      List<EventModel> newest = valid.stream().filter(e -> e.type().packageName().equals(pkg))
          .filter(newestOnes::contains).sorted(Comparator.comparing(e -> e.name().text())).toList();
      List<OlderVersion> older = versions.older().stream().filter(o -> o.event().type().packageName().equals(pkg))
          .sorted(Comparator.comparing((OlderVersion o) -> o.event().name().text())
              .thenComparingInt(OlderVersion::major))
          .toList();
      reporter.guarded(declaration.element(), () -> {
        if (open(declaration, newest)) {
          accepted.add(CatalogReader.complete(declaration, newest, older));
        }
      });
    });
    Set<String> disputed = new HashSet<>();
    rejected.forEach(e -> disputed.add(e.name().text()));
    return new Accepted(accepted, disputed);
  }

  /** Whether {@code declaration} gets {@code events}, closing it; reports it if not. */
  private boolean open(CatalogModel declaration, List<EventModel> events) {
    if (events.isEmpty()) {
      return false;
    }
    if (closedCatalogs.contains(declaration.packageName())) {
      events.forEach(e -> reporter.report(Message.CATALOG_CLOSED, e.element(), e.element().getSimpleName(),
          declaration.name()));
      return false;
    }
    if (!new CatalogChecks(reporter).catalogName(declaration.nameValue(), declaration.element(),
        declaration.annotation())) {
      return false;
    }
    return closedCatalogs.add(declaration.packageName());
  }

  /**
   * Whether the {@code classes} that writing {@code catalog} adds are free, claiming them if so;
   * reports each that is taken (see {@link #classesFree(ConsumerModel, List, Set)}).
   */
  public boolean classesFree(CatalogModel catalog, List<String> classes, Set<String> sourceTypes) {
    return classesFree("catalog \"" + catalog.name() + "\"", "catalog", catalog.element(), catalog.annotation(),
        catalog.nameValue(), classes, sourceTypes);
  }

  /**
   * Whether the {@code classes} that writing {@code consumer} adds are free: no type of this
   * compilation's {@code sourceTypes} has one of their names, nor does a class claimed before for
   * another catalog or consumer. javac's filer would refuse to write such a class; each one is
   * reported on the consumer's name instead. Free classes are claimed for the consumer.
   */
  public boolean classesFree(ConsumerModel consumer, List<String> classes, Set<String> sourceTypes) {
    return classesFree("@EventConsumer \"" + consumer.name().text() + "\"", "consumer", consumer.element(),
        consumer.annotation(), consumer.name(), classes, sourceTypes);
  }

  private boolean classesFree(String generator, String kind, Element element, AnnotationMirror annotation,
      Attribute name, List<String> classes, Set<String> sourceTypes) {
    boolean free = true;
    for (String type : classes) {
      String other = claimed.get(type);
      String taken;
      if (other != null) {
        taken = other + " generates it too; give the " + kind + " another name";
      } else if (!sourceTypes.contains(type)) {
        continue;
      } else {
        taken = "this compilation already declares a type of that name; rename that type, or give the " + kind
            + " another name";
      }
      reporter.report(Message.GENERATED_TYPE_TAKEN, element, annotation, name.value(), generator, type, taken);
      free = false;
    }
    if (free) {
      classes.forEach(type -> claimed.put(type, generator));
    }
    return free;
  }

  /** The distinct consumers whose selectors all resolve against {@code visible}. */
  public List<Resolved> consumers(List<ConsumerModel> consumers, List<KnownEvent> visible, Set<String> disputed) {
    ConsumerResolver resolver = new ConsumerResolver(reporter);
    List<Resolved> resolved = new ArrayList<>();
    for (ConsumerModel consumer : resolver.distinct(consumers)) {
      reporter.guarded(consumer.element(), () -> {
        List<KnownEvent> selected = resolver.resolve(consumer, visible, disputed);
        if (selected != null) {
          resolved.add(new Resolved(consumer, selected));
        }
      });
    }
    return resolved;
  }

  /**
   * Checks {@code catalog} against its baseline, or writes its {@code index} as the baseline
   * when asked to; without a configured baseline directory, says once that the check is off.
   */
  public void compatibility(CatalogModel catalog, String index) throws IOException {
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
}
