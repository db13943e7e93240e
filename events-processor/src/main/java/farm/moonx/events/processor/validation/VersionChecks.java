package farm.moonx.events.processor.validation;

import farm.moonx.events.annotations.EventNames;
import farm.moonx.events.processor.model.EventModel;
import farm.moonx.events.processor.model.OlderVersion;
import farm.moonx.events.processor.model.TypeRef;
import farm.moonx.events.processor.reading.Upcasts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Checks the versions of each event name: the record with the highest major is the newest
 * (what publishers write and handlers receive); every other one must reach it through its
 * {@code Upcast<N>} chain, without looping, in the same package.
 */
public final class VersionChecks {
  private final Reporter reporter;

  /** Checks reporting through {@code reporter}. */
  public VersionChecks(Reporter reporter) {
    this.reporter = reporter;
  }

  /**
   * The events split into the newest version of each name and the older versions whose upcast
   * chains are sound.
   *
   * @param newest the newest record of each name, in input order
   * @param older the older versions to read and upcast
   */
  public record Split(List<EventModel> newest, List<OlderVersion> older) {}

  /** The major of {@code event}'s declared version (-1 if malformed, which EventChecks reports). */
  public static int major(EventModel event) {
    return EventNames.major(event.version().text());
  }

  /** Splits {@code events} (one record per name and major), reporting every unsound version. */
  public Split split(List<EventModel> events) {
    Map<String, List<EventModel>> byName = new TreeMap<>();
    events.forEach(e -> byName.computeIfAbsent(e.name().text(), n -> new ArrayList<>()).add(e));
    List<EventModel> newest = new ArrayList<>();
    List<OlderVersion> older = new ArrayList<>();
    for (List<EventModel> versions : byName.values()) {
      versions.sort(Comparator.comparingInt(VersionChecks::major));
      EventModel top = versions.get(versions.size() - 1);
      newest.add(top);
      if (Upcasts.of(top.element()).declared()) {
        reporter.report(Message.UPCAST_FROM_NEWEST, top.element(), top.element().getSimpleName(),
            top.version().text(), top.name().text());
      }
      for (EventModel old : versions.subList(0, versions.size() - 1)) {
        if (!old.type().packageName().equals(top.type().packageName())) {
          reporter.report(Message.EVENT_VERSION_PACKAGE, old.element(), old.annotation(), old.version().value(),
              old.version().text(), old.name().text(), old.type().packageName(), top.version().text(),
              top.type().packageName(), old.element().getSimpleName(), top.type().packageName());
          continue;
        }
        List<TypeRef> path = path(old, top, versions);
        if (path != null) {
          older.add(new OlderVersion(old, major(old), path));
        }
      }
    }
    // In declaration order, by position (indexOf would compare the deep models: quadratic).
    Map<EventModel, Integer> position = new IdentityHashMap<>();
    for (EventModel event : events) {
      position.putIfAbsent(event, position.size());
    }
    newest.sort(Comparator.comparingInt(position::get));
    return new Split(newest, older);
  }

  /** The records {@code old}'s upcasts lead through to {@code top}, or null (reported) if none. */
  private List<TypeRef> path(EventModel old, EventModel top, List<EventModel> versions) {
    List<TypeRef> path = new ArrayList<>();
    Set<EventModel> visited = new LinkedHashSet<>();
    visited.add(old);
    EventModel current = old;
    while (true) {
      Upcasts.Declared declared = Upcasts.of(current.element());
      EventModel next = declared.target() == null ? null : versions.stream()
          .filter(v -> v.element().getQualifiedName().equals(declared.target().getQualifiedName()))
          .findFirst().orElse(null);
      if (current != old && next == null) {
        return null; // the record that breaks the chain reports it on itself
      }
      if (!declared.declared()) {
        EventModel following = versions.get(versions.indexOf(old) + 1);
        reporter.report(Message.UPCAST_MISSING, old.element(), old.annotation(), old.version().value(),
            old.element().getSimpleName(), old.version().text(), old.name().text(), top.version().text(),
            top.element().getSimpleName(), following.element().getSimpleName());
        return null;
      }
      if (next == null) {
        String candidates = versions.stream().filter(v -> v != old)
            .map(v -> v.element().getSimpleName() + " (" + v.version().text() + ")").collect(Collectors.joining(", "));
        reporter.report(Message.UPCAST_TARGET_INVALID, old.element(), old.element().getSimpleName(), declared.written(),
            old.name().text(), candidates);
        return null;
      }
      path.add(next.type());
      if (next == top) {
        return path;
      }
      if (!visited.add(next)) {
        String loop = visited.stream().map(v -> v.element().getSimpleName() + " " + v.version().text())
            .collect(Collectors.joining(" -> ")) + " -> " + next.element().getSimpleName() + " " + next.version().text();
        reporter.report(Message.UPCAST_CYCLE, old.element(), old.name().text(), loop, top.version().text(),
            top.element().getSimpleName());
        return null;
      }
      current = next;
    }
  }
}
