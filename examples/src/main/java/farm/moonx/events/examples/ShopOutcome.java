package farm.moonx.events.examples;

import farm.moonx.events.examples.shop.ShopEvents;
import farm.moonx.events.spi.EventHeaders;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What one {@link ShopRun} saw, and whether every event is accounted for.
 *
 * @param settings what the run was asked to do
 * @param singlePublishes sign-ups published one by one
 * @param batches batches of imported sign-ups
 * @param poison where the poison record was written
 * @param deadLetters every record read back from the dead-letter topic
 * @param audit what the audit service handled
 * @param meters the library's Micrometer metrics of all three services
 * @param elapsed how long the run took
 */
record ShopOutcome(
    ShopSettings settings,
    int singlePublishes,
    int batches,
    PoisonRecord.Sent poison,
    List<PoisonRecord.DeadLetter> deadLetters,
    AuditService audit,
    MeterRegistry meters,
    Duration elapsed) {

  /** The shop's event types, in the order they happen. */
  static final List<String> TYPES = List.of(
      ShopEvents.USER_REGISTERED.name(), ShopEvents.PAYMENT_PROCESSED.name(), ShopEvents.ORDER_COMPLETED.name());

  /** Events of {@code type} the broker acknowledged, as the publishers' metrics counted them. */
  long published(String type) {
    return (long) meters.find("moonx.events.published").tag("event.type", type)
        .counters().stream().mapToDouble(Counter::count).sum();
  }

  /** Publishes that failed, of every type. */
  long publishFailures() {
    return (long) meters.find("moonx.events.publish.failed").counters().stream().mapToDouble(Counter::count).sum();
  }

  /**
   * The publish-to-handle latency of {@code eventType} at {@code percentile} (0–100], nearest
   * rank, in milliseconds; -1 if none was handled.
   */
  long latencyPercentile(String eventType, double percentile) {
    long[] sorted = audit.latenciesMillis(eventType);
    if (sorted.length == 0) {
      return -1;
    }
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  /** The chain of the earliest sign-up (ids are time-ordered), if complete. */
  Optional<AuditService.Chain> firstChain() {
    return audit.chains().stream().min(Comparator.comparing(chain -> chain.signup().eventId()));
  }

  /** Complete chains whose three events share one correlation id. */
  long correlatedChains() {
    return audit.chains().stream().filter(AuditService.Chain::oneCorrelation).count();
  }

  /** Everything not accounted for; empty when the run went as it should. */
  List<String> problems() {
    List<String> problems = new ArrayList<>();
    long users = settings.users();
    for (String type : TYPES) {
      if (published(type) != users) {
        problems.add(type + ": " + published(type) + " published, expected " + users);
      }
      if (audit.handled(type) != users) {
        problems.add(type + ": " + audit.handled(type) + " handled by audit, expected " + users);
      }
    }
    if (publishFailures() > 0) {
      problems.add(publishFailures() + " publish(es) failed");
    }
    if (correlatedChains() != users) {
      problems.add(correlatedChains() + " complete correlation chains, expected " + users);
    }
    if (deadLetters.size() != 1) {
      problems.add(deadLetters.size() + " records on " + settings.deadLetterTopic() + ", expected only the poison record");
    } else if (!isPoison(deadLetters.get(0))) {
      problems.add("the record on " + settings.deadLetterTopic() + " is not the poison record: " + deadLetters.get(0).headers());
    }
    return problems;
  }

  private boolean isPoison(PoisonRecord.DeadLetter letter) {
    return poison != null
        && poison.topic().equals(letter.header(EventHeaders.DLQ_ORIGINAL_TOPIC))
        && String.valueOf(poison.partition()).equals(letter.header(EventHeaders.DLQ_ORIGINAL_PARTITION))
        && String.valueOf(poison.offset()).equals(letter.header(EventHeaders.DLQ_ORIGINAL_OFFSET))
        && Arrays.equals(poison.value(), letter.value());
  }
}
