package farm.moonx.events.examples;

import farm.moonx.events.spi.EventHeaders;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** Prints a {@link ShopOutcome} as a short report. */
final class ShopReport {
  private final ShopOutcome outcome;
  private final PrintStream out;

  ShopReport(ShopOutcome outcome, PrintStream out) {
    this.outcome = outcome;
    this.out = out;
  }

  /** Prints every section, then the verdict; returns whether all is accounted for. */
  boolean print() {
    published();
    handled();
    deadLettered();
    latency();
    chain();
    return verdict();
  }

  private void published() {
    long users = outcome.settings().users();
    String[] by = {
        "by accounts: " + outcome.singlePublishes() + " one by one (web), "
            + (users - outcome.singlePublishes()) + " in " + outcome.batches() + " batches (imports)",
        "by billing, each caused by its user.registered",
        "by orders, each caused by its payment.processed"};
    out.println();
    out.println("Published (acknowledged by the broker)");
    for (int i = 0; i < ShopOutcome.TYPES.size(); i++) {
      String type = ShopOutcome.TYPES.get(i);
      out.printf("  %-18s %6d  %s%n", type, outcome.published(type), by[i]);
    }
  }

  private void handled() {
    AuditService audit = outcome.audit();
    out.println("Handled by the audit service (it implements the generated ShopHandler)");
    for (String type : ShopOutcome.TYPES) {
      out.printf("  %-18s %6d of %d%n", type, audit.handled(type), outcome.published(type));
    }
    // Two releases of the order service run side by side; every order reaches audit as version 2.
    StringBuilder versions = new StringBuilder();
    audit.handledByVersion(ShopOutcome.TYPES.get(2)).forEach((version, count) ->
        versions.append(versions.length() == 0 ? "" : ", ").append(count).append(" sent as ").append(version));
    out.printf("  %-18s by version: %s (1.0 from the not-yet-upgraded orders-v1, upcast to 2.0 on arrival)%n",
        ShopOutcome.TYPES.get(2), versions);
    out.printf("  %d deliveries, %d of them redeliveries%n", audit.deliveries(), audit.deliveries() - audit.handled());
  }

  private void deadLettered() {
    List<PoisonRecord.DeadLetter> letters = outcome.deadLetters();
    PoisonRecord.Sent poison = outcome.poison();
    out.printf("Dead-lettered: %d record(s) on %s%n", letters.size(), outcome.settings().deadLetterTopic());
    if (poison != null) {
      out.printf("  sent on purpose: an order.completed with \"total\":\"12,50\", by a plain KafkaProducer to %s partition %d offset %d%n",
          poison.topic(), poison.partition(), poison.offset());
    }
    for (PoisonRecord.DeadLetter letter : letters) {
      out.printf("  found at   %s partition %d offset %d, key %s, original bytes kept (%d bytes)%n",
          outcome.settings().deadLetterTopic(), letter.partition(), letter.offset(), letter.key(), letter.value().length);
      out.printf("  came from  %s partition %s offset %s%n", letter.header(EventHeaders.DLQ_ORIGINAL_TOPIC),
          letter.header(EventHeaders.DLQ_ORIGINAL_PARTITION), letter.header(EventHeaders.DLQ_ORIGINAL_OFFSET));
      out.printf("  why        %s: %s%n", letter.header(EventHeaders.DLQ_ERROR_CLASS), letter.header(EventHeaders.DLQ_ERROR_MESSAGE));
      out.printf("  by         consumer group %s, after %s handler attempt(s)%n",
          letter.header(EventHeaders.DLQ_CONSUMER_GROUP), letter.header(EventHeaders.DLQ_ATTEMPTS));
    }
  }

  private void latency() {
    out.println("Latency publish -> handle (metadata.timestamp to the audit handler, during the burst)");
    for (String type : ShopOutcome.TYPES) {
      out.printf("  %-18s p50 %4d ms   p99 %4d ms   max %4d ms%n", type, outcome.latencyPercentile(type, 50),
          outcome.latencyPercentile(type, 99), outcome.latencyPercentile(type, 100));
    }
  }

  private void chain() {
    outcome.firstChain().ifPresentOrElse(chain -> {
      out.printf("Correlation chain of the first sign-up: correlationId %s%n", chain.signup().correlationId());
      for (AuditService.Entry e : List.of(chain.signup(), chain.payment(), chain.order())) {
        out.printf("  %-18s eventId %s  causationId %-36s  from %s%n", e.eventType(), e.eventId(),
            e.causationId() == null ? "-" : e.causationId(), e.source());
      }
      out.printf("  trace of the first chain: %s%n", chain.traceId() != null
          ? chain.traceId() + " (sign-up, payment and order in one trace, W3C traceparent)"
          : "none shared (the three hops are not one trace)");
    }, () -> out.println("Correlation chain: none complete"));
    out.printf("  %d of %d chains complete (order -> payment -> sign-up), each under one correlation id%n",
        outcome.correlatedChains(), outcome.settings().users());
  }

  private boolean verdict() {
    List<String> problems = outcome.problems();
    out.println();
    String seconds = String.format(Locale.ROOT, "%.1f s", outcome.elapsed().toMillis() / 1000.0);
    if (problems.isEmpty()) {
      out.printf("OK: all %d events published and handled, the poison record dead-lettered (%s)%n",
          3L * outcome.settings().users(), seconds);
      return true;
    }
    out.printf("FAILED: not everything is accounted for (%s)%n", seconds);
    problems.forEach(p -> out.println("  - " + p));
    return false;
  }
}
