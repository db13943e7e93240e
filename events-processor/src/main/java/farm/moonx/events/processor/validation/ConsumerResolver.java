package farm.moonx.events.processor.validation;

import farm.moonx.events.annotations.EventNames;
import farm.moonx.events.processor.model.Attribute;
import farm.moonx.events.processor.model.ConsumerModel;
import farm.moonx.events.processor.model.KnownEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Resolves an {@code @EventConsumer}'s selectors against every visible event, reporting each
 * name that matches nothing on its own string literal, with the closest visible name.
 */
public final class ConsumerResolver {
  private static final int LISTED = 8;
  private final Reporter reporter;

  /** A resolver reporting through {@code reporter}. */
  public ConsumerResolver(Reporter reporter) {
    this.reporter = reporter;
  }

  /**
   * The consumers to write: all but those named like an earlier one in the same package, each
   * of which gets a {@code [ConsumerDuplicate]} error (their generated classes would collide).
   */
  public List<ConsumerModel> distinct(List<ConsumerModel> consumers) {
    Map<String, ConsumerModel> first = new TreeMap<>();
    List<ConsumerModel> distinct = new ArrayList<>();
    for (ConsumerModel consumer : consumers) {
      String name = consumer.name().text();
      ConsumerModel earlier = first.putIfAbsent(consumer.packageName() + "." + name, consumer);
      if (earlier == null) {
        distinct.add(consumer);
      } else {
        reporter.report(Message.CONSUMER_DUPLICATE, consumer.element(), consumer.annotation(), consumer.name().value(),
            name, earlier.element(), name, name);
      }
    }
    return distinct;
  }

  /**
   * The selected events sorted by name, or null if anything was reported or a selector names
   * one of the {@code disputed} events (declared twice: that error is already reported, and an
   * "unknown event" on top of it would mislead).
   */
  public List<KnownEvent> resolve(ConsumerModel consumer, List<KnownEvent> visible, Set<String> disputed) {
    int before = reporter.errorCount();
    Attribute name = consumer.name();
    if (!CatalogChecks.isTypePrefix(name.text())) {
      reporter.report(Message.CONSUMER_NAME_INVALID, consumer.element(), consumer.annotation(), name.value(),
          name.text(), name.text());
    }
    Map<String, KnownEvent> byName = new TreeMap<>();
    visible.forEach(e -> byName.putIfAbsent(e.name(), e));
    Map<String, KnownEvent> selected = new TreeMap<>();
    boolean incomplete = false;
    if (consumer.selectors().isEmpty()) {
      selected.putAll(byName);
    }
    for (Attribute selector : consumer.selectors()) {
      String text = selector.text();
      if (text.endsWith(".*") && EventNames.isEventName(text.substring(0, text.length() - 2) + ".x")) {
        String prefix = text.substring(0, text.length() - 1);
        List<KnownEvent> matches = byName.values().stream().filter(e -> e.name().startsWith(prefix)).toList();
        if (matches.isEmpty()) {
          report(consumer, selector, Message.CONSUMER_PREFIX_UNMATCHED, prefixes(byName.keySet()));
        }
        matches.forEach(e -> selected.put(e.name(), e));
      } else if (text.contains("*")) {
        reporter.report(Message.CONSUMER_SELECTOR_INVALID, consumer.element(), consumer.annotation(),
            selector.value(), text);
      } else if (byName.containsKey(text)) {
        selected.put(text, byName.get(text));
      } else if (disputed.contains(text)) {
        incomplete = true;
      } else {
        report(consumer, selector, Message.CONSUMER_EVENT_UNKNOWN, byName.keySet());
      }
    }
    if (reporter.errorCount() != before || incomplete) {
      return null;
    }
    List<KnownEvent> result = new ArrayList<>(selected.values());
    result.sort(Comparator.comparing(KnownEvent::name));
    return result;
  }

  private void report(ConsumerModel consumer, Attribute selector, Message message, Set<String> candidates) {
    String text = selector.text();
    String closest = Suggestions.closest(text, candidates);
    String hint;
    if (closest != null) {
      hint = "; did you mean \"" + closest + "\"?";
    } else if (candidates.isEmpty()) {
      hint = "; no catalog is visible: add the module or jar declaring the events to the class path";
    } else {
      List<String> some = candidates.stream().limit(LISTED).toList();
      hint = "; visible: " + String.join(", ", some) + (candidates.size() > LISTED ? ", …" : "");
    }
    reporter.report(message, consumer.element(), consumer.annotation(), selector.value(), text, hint);
  }

  /** Every {@code prefix.*} selector that would match some visible name. */
  private static Set<String> prefixes(Set<String> names) {
    Set<String> prefixes = new TreeSet<>();
    for (String n : names) {
      for (int i = n.indexOf('.'); i > 0; i = n.indexOf('.', i + 1)) {
        prefixes.add(n.substring(0, i) + ".*");
      }
    }
    return prefixes;
  }
}
