package farm.moonx.events.examples;

import farm.moonx.events.PublishResult;
import farm.moonx.events.examples.shop.Address;
import farm.moonx.events.examples.shop.Plan;
import farm.moonx.events.examples.shop.ShopDispatcher;
import farm.moonx.events.examples.shop.ShopEvents;
import farm.moonx.events.examples.shop.UserRegistered;
import farm.moonx.events.kafka.EventConsumerConfig;
import farm.moonx.events.kafka.EventPublisherConfig;
import farm.moonx.events.kafka.Health;
import farm.moonx.events.kafka.KafkaEventConsumer;
import farm.moonx.events.kafka.KafkaEventPublisher;
import farm.moonx.events.testkit.KafkaCluster;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One run of the shop on a Kafka cluster: three services wired to the shop topic, a burst of
 * sign-ups, one poison record, and everything that came out of it (see {@link ShopOutcome}).
 */
final class ShopRun {
  /** Sign-ups per page; the first of each page comes from the web, the rest are imported. */
  static final int PAGE_SIZE = 50;
  private static final String[] CITIES = {"Lisbon", "Berlin", "Lyon", "Austin", "Osaka"};
  private static final String[] COUNTRIES = {"PT", "DE", "FR", "US", "JP"};
  private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

  private final KafkaCluster cluster;
  private final ShopSettings settings;
  private final Progress progress;
  private final Clock clock = Clock.systemUTC();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  /**
   * Makes trace ids; every service shares it, as one JVM. The spans are dropped: the demo only
   * shows trace ids (a tracer provider with no processor at all makes no spans, so no ids).
   */
  private final OpenTelemetrySdk tracing = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
      .addSpanProcessor(SimpleSpanProcessor.create(new DroppedSpans())).build()).build();
  private int singlePublishes;
  private int batches;
  private PoisonRecord.Sent poison;

  ShopRun(KafkaCluster cluster, ShopSettings settings, PrintStream out) {
    this.cluster = cluster;
    this.settings = settings;
    this.progress = new Progress(out, settings.animate());
  }

  /** Runs the shop until every event is handled or the settings' timeout passes. */
  ShopOutcome run() throws Exception {
    long start = System.nanoTime();
    cluster.createTopic(settings.topic(), 3);
    cluster.createTopic(settings.deadLetterTopic(), 1);
    AuditService audit = new AuditService(clock);
    List<PoisonRecord.DeadLetter> deadLetters;
    // Declared in this order so that try-with-resources closes the consumers (whose handlers
    // publish) before the publishers.
    try (KafkaEventPublisher accounts = publisher("accounts", true);
        KafkaEventPublisher billingOut = publisher("billing", false);
        KafkaEventPublisher ordersOut = publisher("orders", false);
        KafkaEventPublisher ordersV1Out = publisher("orders-v1", false);
        KafkaEventConsumer billing = consumer(consumerConfig("billing")
            .handler(ShopEvents.USER_REGISTERED, new BillingService(billingOut, clock, ACK_TIMEOUT)::onUserRegistered));
        KafkaEventConsumer orders = consumer(consumerConfig("orders")
            .handler(ShopEvents.PAYMENT_PROCESSED, new OrderService(ordersOut, clock, ACK_TIMEOUT)::onPaymentProcessed));
        // A migration in flight: an order-service instance not yet upgraded, in the same group,
        // takes some of the payments and still writes order.completed version 1.0.
        KafkaEventConsumer ordersV1 = consumer(consumerConfig("orders").handler(ShopEvents.PAYMENT_PROCESSED,
            OrderService.legacy(ordersV1Out, clock, ACK_TIMEOUT)::onPaymentProcessed));
        KafkaEventConsumer auditing = consumer(consumerConfig("audit").dispatcher(new ShopDispatcher(audit)))) {
      // Publishing before the groups have their partitions would count their start-up as latency.
      awaitAssigned(List.of(billing, orders, ordersV1, auditing));
      publishSignups(new SignupService(accounts));
      awaitHandled(audit);
      deadLetters = PoisonRecord.readDeadLetters(
          cluster.clientConfig(), settings.deadLetterTopic(), 1, Duration.ofSeconds(10));
    } finally {
      tracing.close();
    }
    return new ShopOutcome(settings, singlePublishes, batches, poison, deadLetters, audit, meters,
        Duration.ofNanos(System.nanoTime() - start));
  }

  private void publishSignups(SignupService signups) throws Exception {
    int users = settings.users();
    AtomicInteger acknowledged = new AtomicInteger();
    List<CompletableFuture<PublishResult>> sent = new ArrayList<>(users);
    int pages = (users + PAGE_SIZE - 1) / PAGE_SIZE;
    for (int page = 0; page < pages; page++) {
      List<UserRegistered> signupsOfPage = new ArrayList<>();
      for (int i = page * PAGE_SIZE; i < Math.min(users, (page + 1) * PAGE_SIZE); i++) {
        signupsOfPage.add(user(i + 1));
      }
      CompletableFuture<PublishResult> single = signups.register(signupsOfPage.get(0), "session-" + (page + 1));
      sent.add(single);
      singlePublishes++;
      if (page == 0) {
        // The very first send waits for the producer to fetch the topic's metadata; let that
        // happen before the burst, or every event of the first batches counts it as latency.
        single.get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      }
      if (signupsOfPage.size() > 1) {
        sent.addAll(signups.importAll(signupsOfPage.subList(1, signupsOfPage.size())).results());
        batches++;
      }
      if (page == pages / 2) {
        // Halfway through, a legacy checkout writes a malformed event by hand.
        poison = PoisonRecord.send(cluster.clientConfig(), settings.topic(), ACK_TIMEOUT);
      }
      sent.subList(sent.size() - signupsOfPage.size(), sent.size())
          .forEach(f -> f.thenRun(acknowledged::incrementAndGet));
      progress.update("publishing", acknowledged.get(), users, "sign-ups");
    }
    CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    // All acknowledged (get() throws otherwise), though not every thenRun above may have run yet.
    progress.finish("publishing", sent.size(), users, "sign-ups");
  }

  private void awaitHandled(AuditService audit) throws InterruptedException {
    long expected = 3L * settings.users();
    long deadline = System.nanoTime() + settings.timeout().toNanos();
    while (audit.handled() < expected && System.nanoTime() < deadline) {
      progress.update("handling", audit.handled(), expected, "events");
      Thread.sleep(50);
    }
    progress.finish("handling", audit.handled(), expected, "events");
  }

  private void awaitAssigned(List<KafkaEventConsumer> consumers) throws InterruptedException {
    long deadline = System.nanoTime() + settings.timeout().toNanos();
    for (KafkaEventConsumer consumer : consumers) {
      while (!hasPartitions(consumer.healthCheck())) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("consumer group " + consumer.config().groupId()
              + " got no partitions within " + settings.timeout().toSeconds() + " s: " + consumer.healthCheck());
        }
        Thread.sleep(20);
      }
    }
  }

  /** Whether the (single) consumer thread has partitions, from the health check's details. */
  private static boolean hasPartitions(Health health) {
    return health.up() && health.details().get("thread-0") instanceof Map<?, ?> thread
        && thread.get("assignment") instanceof List<?> assignment && !assignment.isEmpty();
  }

  private UserRegistered user(int n) {
    String id = String.format("u-%04d", n);
    Address address = new Address(n + " Market Street", CITIES[n % CITIES.length], COUNTRIES[n % COUNTRIES.length]);
    Plan plan = Plan.values()[n % Plan.values().length];
    return new UserRegistered(id, "user" + n + "@example.com", plan, address, clock.instant());
  }

  private KafkaEventPublisher publisher(String service, boolean batching) {
    return KafkaEventPublisher.create(EventPublisherConfig.builder(service)
        .bootstrapServers(cluster.bootstrapServers())
        .mainTopic(settings.topic())
        .enableBatching(batching)
        .meterRegistry(meters)
        .openTelemetry(tracing)
        .build());
  }

  private EventConsumerConfig.Builder consumerConfig(String service) {
    return EventConsumerConfig.builder(settings.group(service))
        .bootstrapServers(cluster.bootstrapServers())
        .topics(settings.topic())
        .deadLetterTopic(settings.deadLetterTopic())
        .pollTimeout(Duration.ofMillis(100))
        .meterRegistry(meters)
        .openTelemetry(tracing);
  }

  private static KafkaEventConsumer consumer(EventConsumerConfig.Builder config) {
    return KafkaEventConsumer.create(config.build()).start();
  }

  /** An exporter that keeps nothing: a real service would send spans to its collector. */
  private static final class DroppedSpans implements SpanExporter {
    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }
}
