package farm.moonx.events.kafka;

import farm.moonx.events.BatchPublishResult;
import farm.moonx.events.Delivery;
import farm.moonx.events.EventDescriptor;
import farm.moonx.events.EventMetadata;
import farm.moonx.events.EventPublisher;
import farm.moonx.events.EventRegistry;
import farm.moonx.events.EventValidationException;
import farm.moonx.events.OutgoingEvent;
import farm.moonx.events.PublishOptions;
import farm.moonx.events.PublishResult;
import farm.moonx.events.internal.EventMdc;
import farm.moonx.events.internal.EventMetrics;
import farm.moonx.events.kafka.internal.ClusterHealth;
import farm.moonx.events.kafka.internal.DeadLetterRecord;
import farm.moonx.events.kafka.internal.LogSafe;
import farm.moonx.events.kafka.internal.PublishPipeline;
import farm.moonx.events.kafka.internal.PublishPipeline.Prepared;
import farm.moonx.events.kafka.internal.Tracing;
import farm.moonx.events.kafka.internal.TransactionalBatch;
import farm.moonx.events.kafka.internal.Transactions;
import farm.moonx.events.spi.EventHeaders;
import farm.moonx.events.spi.UnknownEventTypeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes events to Kafka through one idempotent {@link KafkaProducer}; thread-safe, share one
 * per service.
 *
 * <pre>{@code
 * try (KafkaEventPublisher publisher = KafkaEventPublisher.create(
 *     EventPublisherConfig.builder("payments").bootstrapServers("localhost:9092").build())) {
 *   publisher.publish(PaymentsEvents.PAYMENT_PROCESSED, payment).join();
 * }
 * }</pre>
 *
 * <p>A publish builds the envelope, validates it (an invalid event is never sent: the future
 * fails with an {@link EventValidationException} listing every problem), applies the
 * transformers and filters, and sends key = partition key, value = the JSON envelope, headers =
 * {@link EventHeaders} routing fields. An event a filter rejects is not sent and its future
 * completes normally with {@link PublishResult#notSent} ({@code sent() == false}): filtering is
 * a decision, not a failure. Delivery failures fail the future; those the broker refuses for
 * good (not retriable) are also copied to the configured dead-letter topic.
 *
 * <p>{@code publish} may block the calling thread: kafka-clients' {@code send} waits for the
 * topic's metadata (on the first send to a topic, or while the cluster is unreachable) and for
 * buffer space, up to {@code max.block.ms} (60 s by default). Past that the future fails with
 * a {@code TimeoutException}. Bound it with the producer property {@code max.block.ms}
 * ({@link EventPublisherConfig.Builder#property}) where a caller must not wait that long.
 *
 * <p>Futures complete on the producer's I/O thread: chain heavy follow-up work with the
 * {@code …Async} methods so it does not hold up other sends.
 *
 * <p>Logs carry ids and types; data only at debug level and never for confidential or
 * restricted events.
 */
public final class KafkaEventPublisher implements EventPublisher {
  private static final Logger log = LoggerFactory.getLogger(KafkaEventPublisher.class);

  private final EventPublisherConfig config;
  private final Producer<String, byte[]> producer;
  private final ClusterHealth clusterHealth;
  private final PublishPipeline pipeline;
  private final EventMetrics metrics;
  private final Tracing tracing;
  private final Transactions transactions;
  private volatile ExecutorService deadLetterCopies;
  private volatile EventRegistry registry;
  private volatile boolean closed;

  private KafkaEventPublisher(
      EventPublisherConfig config, Producer<String, byte[]> producer, ClusterHealth clusterHealth) {
    this.config = Objects.requireNonNull(config, "config");
    this.producer = Objects.requireNonNull(producer, "producer");
    this.clusterHealth = clusterHealth;
    this.pipeline = new PublishPipeline(config);
    this.metrics = EventMetrics.of(config.meterRegistry());
    this.tracing = Tracing.create(config.openTelemetry());
    this.registry = config.registry();
    if (config.transactionalId() != null) {
      producer.initTransactions(); // fences an older instance with the same id, finishes its open transaction
      this.transactions = new Transactions(producer, Duration.ofMillis(Long.parseLong(String.valueOf(
          config.producerProperties().getOrDefault(ProducerConfig.MAX_BLOCK_MS_CONFIG, 60_000)))));
    } else {
      this.transactions = null;
    }
  }

  /** The transactions of a transactional publisher (null otherwise), for consumers that join them. */
  Transactions transactions() {
    return transactions;
  }

  /** A publisher with its own {@link KafkaProducer} built from {@code config}. */
  public static KafkaEventPublisher create(EventPublisherConfig config) {
    Map<String, Object> properties = config.producerProperties();
    Producer<String, byte[]> producer =
        new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
    return new KafkaEventPublisher(config, producer,
        new ClusterHealth(properties, config.healthTimeout(), config.mainTopic()));
  }

  /**
   * A publisher over a given producer, e.g. kafka-clients' {@code MockProducer} in tests. Its
   * {@link #healthCheck()} cannot reach a cluster and reports only whether it is open. The
   * producer is closed with the publisher.
   */
  public static KafkaEventPublisher create(EventPublisherConfig config, Producer<String, byte[]> producer) {
    return new KafkaEventPublisher(config, producer, null);
  }

  @Override
  public <T> CompletableFuture<PublishResult> publish(EventDescriptor<T> descriptor, T data, PublishOptions options) {
    Objects.requireNonNull(descriptor, "descriptor");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(options, "options");
    if (transactions != null && !transactions.joinedByCurrentThread()) {
      return publishBatch(List.of(OutgoingEvent.of(descriptor, data, options))).results().get(0);
    }
    Prepared<T> prepared;
    try {
      checkOpen();
      prepared = pipeline.prepare(descriptor, data, options);
    } catch (RuntimeException e) {
      return rejected(descriptor.name(), e);
    }
    return send(prepared);
  }

  /**
   * Publishes by event name, as the TypeScript publisher does: the descriptor is looked up in
   * the config's registry (by default every catalog on the class path). Prefer the typed
   * overload or a generated publisher; this one checks the data's type only at run time.
   *
   * @return as {@link #publish(EventDescriptor, Object, PublishOptions)}; fails with an
   *     {@link UnknownEventTypeException} for an unregistered name and an
   *     {@link IllegalArgumentException} for data of another record type, nothing sent
   */
  public CompletableFuture<PublishResult> publish(String eventType, Object data, PublishOptions options) {
    Objects.requireNonNull(eventType, "eventType");
    Optional<EventDescriptor<?>> descriptor = registry().find(eventType);
    if (descriptor.isEmpty()) {
      return rejected(eventType, new UnknownEventTypeException(eventType));
    }
    return publishUnchecked(descriptor.get(), data, options);
  }

  private <T> CompletableFuture<PublishResult> publishUnchecked(
      EventDescriptor<T> descriptor, Object data, PublishOptions options) {
    T typed;
    try {
      typed = descriptor.cast(data);
    } catch (IllegalArgumentException e) {
      return rejected(descriptor.name(), e);
    }
    return publish(descriptor, typed, options);
  }

  private EventRegistry registry() {
    EventRegistry registry = this.registry;
    if (registry == null) {
      synchronized (this) {
        if (this.registry == null) {
          this.registry = EventRegistry.load();
        }
        registry = this.registry;
      }
    }
    return registry;
  }

  /**
   * Validates and encodes every event first; if any is invalid, nothing is sent and every
   * future fails with one {@link EventValidationException} listing each problem as
   * {@code events[i] <type>: <problem>}. Otherwise all are handed to the producer, whose own
   * batching ({@code linger.ms}, {@code batch.size}) groups them.
   *
   * <p><b>What a batch promises.</b> Without a {@link EventPublisherConfig#transactionalId()}:
   * validation is all-or-nothing, delivery is not. Each event is sent on its own; one the broker
   * refuses (too large, not authorized…) fails its future while the others may be written, so
   * retrying the whole batch after a partial failure duplicates the events that made it (retry
   * only the failed futures' events, or make the handlers downstream idempotent by event id).
   * With a transactional id the batch is one Kafka transaction: committed as one (every future
   * succeeds) or aborted as one (every future fails, nothing visible to
   * {@code read_committed} readers), and this call returns once that is decided. Called from a
   * handler of a consumer that joined this publisher's transactions, the events go into the
   * consumer's transaction instead, committed with the consumed offset.
   */
  @Override
  public BatchPublishResult publishBatch(List<? extends OutgoingEvent<?>> events) {
    List<Prepared<?>> prepared = new ArrayList<>(events.size());
    List<String> errors = new ArrayList<>();
    Set<String> invalidTypes = new LinkedHashSet<>();
    RuntimeException failure = null;
    for (int i = 0; i < events.size(); i++) {
      OutgoingEvent<?> event = Objects.requireNonNull(events.get(i), "events[" + i + "]");
      try {
        checkOpen();
        prepared.add(prepare(event));
      } catch (EventValidationException e) {
        invalidTypes.add(event.descriptor().name());
        for (String error : e.errors()) {
          errors.add("events[" + i + "] " + event.descriptor().name() + ": " + error);
        }
      } catch (RuntimeException e) {
        failure = failure != null ? failure : e;
      }
    }
    if (!errors.isEmpty()) {
      failure = new EventValidationException(String.join(", ", invalidTypes), errors);
    }
    if (failure == null && transactions != null && !transactions.joinedByCurrentThread()) {
      return BatchPublishResult.of(TransactionalBatch.publish(transactions, prepared, this::send));
    }
    List<CompletableFuture<PublishResult>> results = new ArrayList<>(events.size());
    for (int i = 0; i < events.size(); i++) {
      String type = events.get(i).descriptor().name();
      results.add(failure == null ? send(prepared.get(i)) : rejected(type, failure));
    }
    return BatchPublishResult.of(results);
  }

  /**
   * Whether the cluster answers and the main topic (if configured) exists, within the
   * configured health timeout; never hangs and never throws.
   */
  public Health healthCheck() {
    if (closed) {
      return new Health(false, Map.of("status", "closed"));
    }
    if (clusterHealth == null) {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("status", "open");
      details.put("cluster", "not checked: publisher built over a given producer");
      return new Health(true, details);
    }
    return clusterHealth.check();
  }

  /** The config this publisher was built from. */
  public EventPublisherConfig config() {
    return config;
  }

  @Override
  public void close(Duration timeout) {
    if (closed) {
      return;
    }
    closed = true;
    if (deadLetterCopies != null) {
      deadLetterCopies.shutdown(); // the copies already handed over still run, on their own thread
    }
    try {
      producer.close(timeout); // sends what was accepted first
    } finally {
      if (clusterHealth != null) {
        clusterHealth.close();
      }
    }
  }

  private <T> Prepared<T> prepare(OutgoingEvent<T> event) {
    return pipeline.prepare(event.descriptor(), event.data(), event.options());
  }

  private <T> CompletableFuture<PublishResult> send(Prepared<T> prepared) {
    String type = prepared.descriptor().name();
    String eventId = prepared.envelope().eventId();
    // The only lines logged here are debug ones (a failure opens its own scope, on the thread
    // that reports it): four escaped MDC entries per publish are paid only when they show.
    EventMetadata metadata = prepared.envelope().metadata();
    try (EventMdc.Scope ignored = log.isDebugEnabled() ? EventMdc.open(metadata) : EventMdc.NONE) {
      if (prepared.filtered()) {
        metrics.skipped(type, "filtered");
        log.debug("not publishing {} {}: rejected by a filter", type, eventId);
        return CompletableFuture.completedFuture(
            PublishResult.notSent(prepared.topic(), eventId, prepared.envelope().metadata().timestamp()));
      }
      CompletableFuture<PublishResult> future = new CompletableFuture<>();
      long start = System.nanoTime();
      Tracing.Span span = tracing.startPublish(prepared.topic(), type, eventId, prepared.record().headers());
      try {
        producer.send(prepared.record(), (meta, error) -> {
          if (error == null) {
            span.sent(meta.partition(), meta.offset());
          }
          span.end(error);
          if (error == null) {
            if (metrics.isEnabled()) { // no clock read nor Duration on the I/O thread for nothing
              metrics.published(type);
              metrics.publishLatency(type, Duration.ofNanos(System.nanoTime() - start));
            }
            future.complete(new PublishResult(meta.topic(), meta.partition(), meta.offset(), eventId, meta.timestamp()));
          } else {
            failed(prepared, error, future);
          }
        });
        if (log.isDebugEnabled()) {
          log.debug("publishing {} {} to {} {}", type, eventId, prepared.topic(),
              LogSafe.data(prepared.envelope(), prepared.descriptor()));
        }
      } catch (RuntimeException e) {
        span.end(e);
        failed(prepared, e, future);
      }
      return future;
    }
  }

  private void failed(Prepared<?> prepared, Exception error, CompletableFuture<PublishResult> future) {
    String type = prepared.descriptor().name();
    metrics.publishFailed(type, error);
    try (EventMdc.Scope ignored = EventMdc.open(prepared.envelope().metadata())) {
      log.warn("publishing {} {} to {} failed: {}", type, prepared.envelope().eventId(), prepared.topic(), error.toString());
    }
    future.completeExceptionally(error);
    // In a transaction the failure aborts it: nothing was written, so there is nothing to copy.
    if (config.deadLetterTopic() != null && !(error instanceof RetriableException) && !closed && transactions == null) {
      // Not on the producer's I/O thread (where callbacks run) nor on the common pool (shared
      // by the whole JVM): send() may block on metadata for up to max.block.ms.
      try {
        deadLetterCopies().execute(() -> copyToDeadLetter(prepared, error));
      } catch (RejectedExecutionException e) {
        log.warn("not copying {} {} to the dead-letter topic: the publisher is closing", prepared.descriptor().name(),
            prepared.envelope().eventId());
      }
    }
  }

  private ExecutorService deadLetterCopies() {
    ExecutorService executor = deadLetterCopies;
    if (executor == null) {
      synchronized (this) {
        if (deadLetterCopies == null) {
          deadLetterCopies = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, config.serviceName() + "-publisher-dlq");
            thread.setDaemon(true);
            return thread;
          });
        }
        executor = deadLetterCopies;
      }
    }
    return executor;
  }

  private void copyToDeadLetter(Prepared<?> prepared, Exception error) {
    ProducerRecord<String, byte[]> original = prepared.record();
    ProducerRecord<String, byte[]> copy = DeadLetterRecord.of(config.deadLetterTopic(), original.key(),
        original.value(), original.headers(), error,
        new DeadLetterRecord.Origin(original.topic(), -1, -1L, prepared.envelope().metadata().timestamp(), null),
        0, System.currentTimeMillis());
    try {
      producer.send(copy, (meta, dlqError) -> {
        if (dlqError != null) {
          log.error("could not copy {} {} to dead-letter topic {}: {}", prepared.descriptor().name(),
              prepared.envelope().eventId(), config.deadLetterTopic(), dlqError.toString());
        }
      });
    } catch (RuntimeException e) {
      log.error("could not copy {} {} to dead-letter topic {}", prepared.descriptor().name(),
          prepared.envelope().eventId(), config.deadLetterTopic(), e);
    }
  }

  private CompletableFuture<PublishResult> rejected(String type, RuntimeException error) {
    metrics.publishFailed(type, error);
    // The class only: validation messages may quote the data, and the caller gets them anyway.
    log.debug("rejected {} before sending: {}", type, error.getClass().getSimpleName());
    return CompletableFuture.failedFuture(error);
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("publisher is closed");
    }
  }
}
