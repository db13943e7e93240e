package farm.moonx.events.kafka;

import farm.moonx.events.kafka.EventConsumerConfig.UnknownTypePolicy;
import farm.moonx.events.kafka.internal.ConsumerWorker;
import farm.moonx.events.kafka.internal.DeadLetterWriter;
import farm.moonx.events.kafka.internal.RecordProcessor;
import farm.moonx.events.kafka.internal.Transactions;
import farm.moonx.events.spi.EventHeaders;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer container: {@code concurrency} threads, each polling its own
 * {@code KafkaConsumer} of one group, routing every record to the configured dispatcher.
 *
 * <pre>{@code
 * KafkaEventConsumer consumer = KafkaEventConsumer.create(EventConsumerConfig.builder("billing")
 *     .bootstrapServers("localhost:9092").topics("moonx.events")
 *     .handler(PaymentsEvents.PAYMENT_PROCESSED, (event, delivery) -> bill(event.data()))
 *     .build()).start();
 * // … on shutdown
 * consumer.close(Duration.ofSeconds(10));
 * }</pre>
 *
 * <p>Per record: route by the {@code eventType} header (types not handled are skipped or
 * dead-lettered per {@link UnknownTypePolicy} without decoding the data), decode with the
 * dispatcher's registry, validate, filter, transform, dispatch with the event's ids in the
 * SLF4J MDC. A failing handler is retried per {@link RetryPolicy} with only its partition
 * paused; then, like malformed or invalid records, the record is copied to the dead-letter
 * topic with {@link EventHeaders} {@code dlq.*} headers. Offsets are committed only after a
 * record is handled, skipped or safely dead-lettered (at-least-once): if the dead-letter write
 * fails, the record is retried later, never lost.
 *
 * <p><b>Never wedged.</b> No error a live group produces (a rebalance in progress, a commit that
 * failed because the group moved on, a fenced or unknown member, a coordinator moving) ends a
 * thread: a failed commit keeps its offsets for the next commit or the partition's revocation.
 * A failing record's attempt count is committed with its own offset (offset metadata), so it
 * survives rebalances and restarts. Each handler call runs within
 * {@link EventConsumerConfig#handlerTimeout()} (below {@code max.poll.interval.ms}): one that
 * overruns is interrupted and counts as a failed attempt, so a hung handler can neither hold its
 * partition nor get its consumer evicted. A dead letter too large to copy is written without its
 * value (see {@link EventHeaders#DLQ_PAYLOAD_OMITTED}); a dead-letter topic that refuses writes
 * for good holds only the partitions waiting for it, is retried once per dead-letter timeout,
 * and turns {@link #healthCheck()} down with the reason.
 *
 * <p><b>Exactly once</b> where asked: with {@link EventConsumerConfig.Builder#exactlyOnce} each
 * record is handled in a transaction of a transactional publisher, and what the handler
 * published commits together with the record's offset (one transaction per record).
 */
public final class KafkaEventConsumer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(KafkaEventConsumer.class);

  private final EventConsumerConfig config;
  private final Supplier<Consumer<byte[], byte[]>> consumers;
  private final DeadLetterWriter deadLetters;
  private final List<ConsumerWorker> workers = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private boolean started;
  private volatile boolean closed;

  private KafkaEventConsumer(EventConsumerConfig config, Supplier<Consumer<byte[], byte[]>> consumers,
      DeadLetterWriter deadLetters) {
    this.config = config;
    this.consumers = Objects.requireNonNull(consumers, "consumers");
    this.deadLetters = deadLetters;
  }

  /**
   * A container for {@code config}, with its own Kafka consumers and dead-letter producer; call
   * {@link #start()}. The dead-letter producer is created at the first dead letter (most
   * containers never write one: no idle thread, connections or producer id on the broker); its
   * properties are checked here as {@code KafkaProducer} checks them, so a bad value or a
   * contradiction ({@code acks=1} with idempotence) fails now, not at the first poison record.
   *
   * @throws org.apache.kafka.common.config.ConfigException if the dead-letter producer's properties are invalid
   */
  public static KafkaEventConsumer create(EventConsumerConfig config) {
    Map<String, Object> producerProperties = config.deadLetterProducerProperties();
    Map<String, Object> checked = new HashMap<>(producerProperties);
    checked.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    checked.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    new ProducerConfig(checked); // throws ConfigException as the producer's constructor would
    AtomicInteger thread = new AtomicInteger();
    return new KafkaEventConsumer(config, () -> {
      // One client.id per thread: a shared one clashes on the consumers' JMX MBeans. A single
      // thread keeps the configured id as it is (what operators see in the group's members).
      Map<String, Object> properties = new HashMap<>(config.consumerProperties());
      if (config.concurrency() > 1) {
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG,
            properties.get(ConsumerConfig.CLIENT_ID_CONFIG) + "-" + thread.getAndIncrement());
      }
      if (config.transactionalPublisher() != null) {
        // An exactly-once chain reads only what upstream transactions committed.
        properties.putIfAbsent(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
      }
      return new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }, new DeadLetterWriter(() -> new KafkaProducer<>(producerProperties, new ByteArraySerializer(),
        new ByteArraySerializer()), config, Clock.systemUTC()));
  }

  /**
   * A container over given clients, e.g. kafka-clients' {@code MockConsumer} and
   * {@code MockProducer} in tests: {@code consumers} is called once per thread, and
   * {@code deadLetterProducer} is shared and closed with the container.
   */
  public static KafkaEventConsumer create(EventConsumerConfig config, Supplier<Consumer<byte[], byte[]>> consumers,
      Producer<byte[], byte[]> deadLetterProducer, Clock clock) {
    Objects.requireNonNull(config, "config");
    return new KafkaEventConsumer(config, consumers,
        new DeadLetterWriter(Objects.requireNonNull(deadLetterProducer, "deadLetterProducer"), config, clock));
  }

  /**
   * Creates the consumers and starts their threads.
   *
   * @return this
   * @throws IllegalStateException if already started or closed
   * @throws org.apache.kafka.common.KafkaException if a consumer cannot be created from the config
   */
  public synchronized KafkaEventConsumer start() {
    if (started || closed) {
      throw new IllegalStateException(closed ? "consumer is closed" : "consumer is already started");
    }
    RecordProcessor processor = new RecordProcessor(config);
    List<Consumer<byte[], byte[]>> created = new ArrayList<>();
    try {
      for (int i = 0; i < config.concurrency(); i++) {
        created.add(consumers.get());
      }
    } catch (RuntimeException e) {
      created.forEach(Consumer::close); // do not leak the ones made before the failure, nor the dead-letter producer
      closed = true;
      deadLetters.close(Duration.ZERO);
      throw e;
    }
    started = true;
    Transactions transactions = config.transactionalPublisher() == null ? null
        : config.transactionalPublisher().transactions();
    created.forEach(consumer -> workers.add(new ConsumerWorker(consumer, config, processor, deadLetters, transactions)));
    for (int i = 0; i < workers.size(); i++) {
      Thread thread = new Thread(workers.get(i), "moonx-events-" + config.groupId() + "-" + i);
      threads.add(thread);
      thread.start();
    }
    log.info("consuming {} as group {} with {} thread(s)", config.topics(), config.groupId(), workers.size());
    return this;
  }

  /**
   * Up when started, not closed, every thread alive, and every thread polled within
   * {@code max.poll.interval.ms} (a handler stuck longer is down), and no dead-letter topic
   * refuses writes for good (authorization, invalid topic…: the records waiting for it are
   * named in {@code deadLetterTopicsUnwritable} with the reason). A thread whose last poll
   * failed (say, TLS authentication) is down while it keeps trying. Details per thread: alive,
   * assigned partitions, milliseconds since the last poll, and the error that ended it or that
   * its last poll failed with.
   */
  public Health healthCheck() {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("groupId", config.groupId());
    details.put("topics", config.topics());
    if (!started || closed) {
      details.put("status", closed ? "closed" : "not started");
      return new Health(false, details);
    }
    long maxPollInterval = Long.parseLong(String.valueOf(
        config.consumerProperties().getOrDefault(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, 300_000)));
    long now = System.currentTimeMillis();
    boolean up = true;
    for (int i = 0; i < workers.size(); i++) {
      ConsumerWorker worker = workers.get(i);
      Map<String, Object> thread = new LinkedHashMap<>();
      long lastPoll = worker.lastPollMillis();
      boolean alive = worker.running() && threads.get(i).isAlive();
      boolean polling = lastPoll < 0 || now - lastPoll <= maxPollInterval;
      thread.put("alive", alive);
      thread.put("assignment", worker.assignment().stream().map(Object::toString).sorted().toList());
      thread.put("lastPollMsAgo", lastPoll < 0 ? null : now - lastPoll);
      if (worker.fatal() != null) {
        thread.put("error", worker.fatal().toString());
      } else if (worker.lastError() != null) {
        thread.put("error", worker.lastError()); // the loop goes on trying, but is not consuming now
      }
      details.put("thread-" + i, thread);
      up &= alive && polling && worker.lastError() == null;
    }
    Map<String, String> unwritable = deadLetters.unwritable();
    if (!unwritable.isEmpty()) {
      // Records waiting for these topics are neither handled nor committed: someone must act.
      details.put("deadLetterTopicsUnwritable", unwritable);
      up = false;
    }
    return new Health(up, details);
  }

  /** The config. */
  public EventConsumerConfig config() {
    return config;
  }

  /**
   * Stops every thread after its in-flight record, commits what is done, leaves the group and
   * closes the dead-letter producer, waiting at most about {@code timeout}; a handler still
   * running then is interrupted (its record is not committed and comes again).
   */
  public void close(Duration timeout) {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    workers.forEach(ConsumerWorker::stop);
    for (Thread thread : threads) {
      try {
        thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    for (int i = 0; i < threads.size(); i++) {
      Thread thread = threads.get(i);
      if (thread.isAlive()) {
        log.warn("{} did not stop within {} ms; interrupting its handler", thread.getName(), timeout.toMillis());
        workers.get(i).interruptHandler();
        try {
          thread.join(1000); // the worker commits what is done and leaves the group
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
    deadLetters.close(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
  }

  /** {@link #close(Duration)} with 30 seconds. */
  @Override
  public void close() {
    close(Duration.ofSeconds(30));
  }
}
