package farm.moonx.events.processor.validation;

import farm.moonx.events.annotations.EventNames;
import farm.moonx.events.processor.model.Baseline;
import farm.moonx.events.processor.model.CatalogModel;
import farm.moonx.events.processor.model.EventModel;
import farm.moonx.events.processor.model.FieldModel;
import farm.moonx.events.processor.model.OlderVersion;
import farm.moonx.events.processor.model.ShapeText;
import farm.moonx.events.processor.reading.Annotations;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Compares a catalog with its baseline (the last release's catalog JSON), version by version
 * within each major, under the catalog's mode: BACKWARD (new readers read old payloads),
 * FORWARD (old readers read new payloads), FULL (both), NONE. The rules are listed in the
 * processor's README; each violation is an error on the component or annotation at fault.
 */
public final class CompatibilityChecks {
  private static final List<String> CLASSIFICATIONS = List.of("public", "internal", "confidential", "restricted");

  private final Reporter reporter;

  /** Checks reporting through {@code reporter}. */
  public CompatibilityChecks(Reporter reporter) {
    this.reporter = reporter;
  }

  /** Reports every way {@code catalog} breaks {@code baseline} under {@code mode}. */
  public void check(CatalogModel catalog, String mode, Baseline baseline) {
    if ("NONE".equals(mode)) {
      return;
    }
    Map<String, EventModel> current = new LinkedHashMap<>();
    catalog.events().forEach(e -> current.put(key(e.name().text(), e.version().text()), e));
    for (OlderVersion older : catalog.older()) {
      current.put(key(older.event().name().text(), older.event().version().text()), older.event());
    }
    for (Baseline.Event old : baseline.events()) {
      EventModel now = current.get(key(old.name(), old.version()));
      if (now == null) {
        removed(catalog, mode, baseline, old, current);
      } else {
        new Comparison(mode, baseline, old, now).run();
      }
    }
  }

  private static String key(String name, String version) {
    return name + "@" + EventNames.major(version);
  }

  private void removed(CatalogModel catalog, String mode, Baseline baseline, Baseline.Event old,
      Map<String, EventModel> current) {
    int major = EventNames.major(old.version());
    String renamed = current.values().stream()
        .filter(e -> e.type().qualifiedName().equals(old.recordClass()) && !e.name().text().equals(old.name()))
        .map(e -> " (renamed to \"" + e.name().text() + "\"?)").findFirst().orElse("");
    boolean newerMajor = current.values().stream().anyMatch(e -> e.name().text().equals(old.name()));
    String fix = newerMajor
        ? "keep the " + major + ".x record (" + simple(old.recordClass()) + ") with an upcast to the next version"
        : !renamed.isEmpty()
            ? "keep \"" + old.name() + "\" (the name is the contract) and publish the new name as a new event"
            : "restore it; retire an event only once no service writes or reads it, and refresh the baseline then";
    reporter.report(Message.COMPAT_EVENT_REMOVED, catalog.element(), catalog.annotation(), null, baseline.path(),
        old.name(), old.version(), old.recordClass(), catalog.name(), renamed, mode, fix);
  }

  private static String simple(String qualified) {
    return qualified.substring(qualified.lastIndexOf('.') + 1);
  }

  /** One event version against its baseline entry. */
  private final class Comparison {
    private final String mode;
    private final boolean backward;
    private final boolean forward;
    private final Baseline.Event old;
    private final EventModel now;
    private final String where;
    private final String label;
    private final int next;

    Comparison(String mode, Baseline baseline, Baseline.Event old, EventModel now) {
      this.mode = mode;
      this.backward = !"FORWARD".equals(mode);
      this.forward = !"BACKWARD".equals(mode);
      this.old = old;
      this.now = now;
      this.where = baseline.path();
      this.label = "version " + now.version().text();
      this.next = EventNames.major(now.version().text()) + 1;
    }

    void run() {
      Map<String, Baseline.Component> before = new LinkedHashMap<>();
      old.components().forEach(c -> before.put(c.name(), c));
      Map<String, FieldModel> after = new LinkedHashMap<>();
      now.record().fields().forEach(f -> after.put(f.name(), f));
      int major = next - 1;
      String baseVersion = "version " + old.version();
      for (FieldModel field : after.values()) {
        Baseline.Component was = before.get(field.name());
        String type = ShapeText.of(field.shape());
        if (was == null) {
          if (field.required() && backward) {
            reporter.report(Message.COMPAT_REQUIRED_FIELD_ADDED, field.element(), now.name().text(), label,
                field.name(), type, where, baseVersion, mode, ShapeText.wire(type), next, major);
          }
        } else if (!ShapeText.wire(was.type()).equals(ShapeText.wire(type))) {
          reporter.report(Message.COMPAT_FIELD_TYPE_CHANGED, field.element(), now.name().text(), label, field.name(),
              was.type(), where, type, mode, was.type(), next, major);
        } else if (!was.required() && field.required() && backward) {
          reporter.report(Message.COMPAT_FIELD_NOW_REQUIRED, field.element(), now.name().text(), label, field.name(),
              where, type, mode, next, major);
        } else if (was.required() && !field.required() && forward) {
          reporter.report(Message.COMPAT_FIELD_NOW_OPTIONAL, field.element(), now.name().text(), label, field.name(),
              where, type, mode, next, major);
        }
      }
      for (Baseline.Component was : before.values()) {
        if (!after.containsKey(was.name()) && forward) {
          String renamed = after.values().stream()
              .filter(f -> !before.containsKey(f.name())
                  && ShapeText.wire(ShapeText.of(f.shape())).equals(ShapeText.wire(was.type())))
              .map(f -> " (renamed to " + f.name() + "?)").findFirst().orElse("");
          reporter.report(Message.COMPAT_FIELD_REMOVED, now.element(), now.annotation(), null, now.name().text(), label,
              where, baseVersion, was.name(), was.type(), renamed, mode, was.name(), next, major);
        }
      }
      partitionKey(major);
      classification();
    }

    private void partitionKey(int major) {
      FieldModel key = now.partitionKey();
      String newKey = key == null ? null : key.name();
      if (Objects.equals(old.partitionKey(), newKey)) {
        return;
      }
      String was = old.partitionKey() == null ? "none" : old.partitionKey();
      String is = newKey == null ? "none" : newKey;
      String fix = old.partitionKey() == null ? "leave the record without @PartitionKey"
          : "keep @PartitionKey on " + old.partitionKey();
      if (key != null) {
        reporter.report(Message.COMPAT_PARTITION_KEY_CHANGED, key.element(), now.name().text(), label, was, where, is,
            mode, fix, next, major);
      } else {
        reporter.report(Message.COMPAT_PARTITION_KEY_CHANGED, now.element(), now.annotation(), null, now.name().text(),
            label, was, where, is, mode, fix, next, major);
      }
    }

    private void classification() {
      String is = now.classification().toLowerCase(Locale.ROOT);
      int before = CLASSIFICATIONS.indexOf(old.classification());
      if (before >= 0 && CLASSIFICATIONS.indexOf(is) < before) {
        reporter.report(Message.COMPAT_CLASSIFICATION_LOWERED, now.element(), now.annotation(),
            Annotations.explicit(now.annotation(), "classification"), now.name().text(), label, old.classification(),
            where, is, mode, old.classification());
      }
    }
  }
}
