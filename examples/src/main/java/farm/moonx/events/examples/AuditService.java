package farm.moonx.events.examples;

import farm.moonx.events.Delivery;
import farm.moonx.events.EventEnvelope;
import farm.moonx.events.EventMetadata;
import farm.moonx.events.examples.shop.OrderCompleted;
import farm.moonx.events.examples.shop.PaymentProcessed;
import farm.moonx.events.examples.shop.ShopEvents;
import farm.moonx.events.examples.shop.ShopHandler;
import farm.moonx.events.examples.shop.UserRegistered;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The audit service: keeps a trail of every shop event (who, what, caused by what) and how long
 * each took from publish to here. It implements the generated {@link ShopHandler}, so adding an
 * event to the catalog breaks this class until it audits that event too.
 *
 * <p>Kafka delivers at least once: a redelivered event is counted as a delivery but kept once.
 */
public final class AuditService implements ShopHandler {

  /**
   * One audited event.
   *
   * @param eventType the event name
   * @param eventId its id
   * @param causationId the id of the event that caused it, or null
   * @param correlationId the id of its business flow
   * @param source the service that published it
   * @param latencyMillis from its {@code metadata.timestamp} to the moment it was handled here
   * @param traceId the W3C trace id its {@code traceparent} header carried, or null
   */
  public record Entry(String eventType, String eventId, String causationId, String correlationId, String source,
      long latencyMillis, String traceId) {}

  /**
   * A sign-up, its payment and its order, linked by causation ids.
   *
   * @param signup the {@code user.registered} entry
   * @param payment the {@code payment.processed} entry caused by it
   * @param order the {@code order.completed} entry caused by the payment
   */
  public record Chain(Entry signup, Entry payment, Entry order) {
    /** Whether all three share one correlation id. */
    public boolean oneCorrelation() {
      return signup.correlationId().equals(payment.correlationId())
          && payment.correlationId().equals(order.correlationId());
    }

    /** The trace all three belong to, or null if they are not one trace. */
    public String traceId() {
      return signup.traceId() != null && signup.traceId().equals(payment.traceId())
          && signup.traceId().equals(order.traceId()) ? signup.traceId() : null;
    }
  }

  private final Clock clock;
  private final Map<String, Entry> byEventId = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> handledByType = new ConcurrentHashMap<>();
  private final Map<String, Map<String, AtomicLong>> handledByVersion = new ConcurrentHashMap<>();
  private final AtomicLong deliveries = new AtomicLong();

  /** Measures latencies with {@code clock} (the publishers' clock, here the same JVM's). */
  public AuditService(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void onUserRegistered(EventEnvelope<UserRegistered> event, Delivery context) {
    audit(event.metadata(), context);
  }

  @Override
  public void onPaymentProcessed(EventEnvelope<PaymentProcessed> event, Delivery context) {
    audit(event.metadata(), context);
  }

  @Override
  public void onOrderCompleted(EventEnvelope<OrderCompleted> event, Delivery context) {
    audit(event.metadata(), context);
  }

  private void audit(EventMetadata m, Delivery context) {
    long latency = clock.millis() - m.timestamp();
    deliveries.incrementAndGet();
    // traceparent: version-traceid-spanid-flags (W3C Trace Context)
    String traceId = context.header("traceparent").map(t -> t.split("-")).filter(p -> p.length == 4)
        .map(p -> p[1]).orElse(null);
    Entry entry = new Entry(m.eventType(), m.eventId(), m.causationId(), m.correlationId(), m.source(), latency,
        traceId);
    if (byEventId.putIfAbsent(m.eventId(), entry) == null) {
      handledByType.computeIfAbsent(m.eventType(), t -> new AtomicLong()).incrementAndGet();
      // The handler always gets the newest record; the envelope says which version was sent.
      handledByVersion.computeIfAbsent(m.eventType(), t -> new ConcurrentHashMap<>())
          .computeIfAbsent(m.eventVersion(), v -> new AtomicLong()).incrementAndGet();
    }
  }

  /** Distinct events of {@code eventType} handled so far, by the version they were sent in, sorted. */
  public Map<String, Long> handledByVersion(String eventType) {
    Map<String, Long> counts = new java.util.TreeMap<>();
    handledByVersion.getOrDefault(eventType, Map.of()).forEach((v, n) -> counts.put(v, n.get()));
    return counts;
  }

  /** Distinct events of {@code eventType} handled so far. */
  public long handled(String eventType) {
    AtomicLong count = handledByType.get(eventType);
    return count == null ? 0 : count.get();
  }

  /** Distinct events handled so far, of every type. */
  public long handled() {
    return byEventId.size();
  }

  /** Every delivery, redeliveries included. */
  public long deliveries() {
    return deliveries.get();
  }

  /** The publish-to-handle latencies of {@code eventType}, in milliseconds, one per distinct event. */
  public long[] latenciesMillis(String eventType) {
    return byEventId.values().stream()
        .filter(e -> e.eventType().equals(eventType))
        .mapToLong(Entry::latencyMillis)
        .toArray();
  }

  /** Every complete chain: an order whose payment and whose sign-up were audited too. */
  public List<Chain> chains() {
    List<Chain> chains = new ArrayList<>();
    for (Entry order : byEventId.values()) {
      if (!ShopEvents.ORDER_COMPLETED.name().equals(order.eventType())) {
        continue;
      }
      Optional<Entry> payment = causeOf(order, ShopEvents.PAYMENT_PROCESSED.name());
      Optional<Entry> signup = payment.flatMap(p -> causeOf(p, ShopEvents.USER_REGISTERED.name()));
      if (signup.isPresent()) {
        chains.add(new Chain(signup.get(), payment.get(), order));
      }
    }
    return chains;
  }

  private Optional<Entry> causeOf(Entry effect, String causeType) {
    return Optional.ofNullable(effect.causationId())
        .map(byEventId::get)
        .filter(cause -> cause.eventType().equals(causeType));
  }
}
