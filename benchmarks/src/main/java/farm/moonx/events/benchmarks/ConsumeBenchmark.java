package farm.moonx.events.benchmarks;

import com.dslplatform.json.DslJson;
import com.dslplatform.json.runtime.Settings;
import com.fasterxml.jackson.databind.ObjectMapper;
import farm.moonx.events.Delivery;
import farm.moonx.events.EventEnvelope;
import farm.moonx.events.benchmarks.baseline.BaselineEnvelope;
import farm.moonx.events.benchmarks.model.BenchDispatcher;
import farm.moonx.events.benchmarks.model.BenchEvents;
import farm.moonx.events.benchmarks.model.BenchHandler;
import farm.moonx.events.benchmarks.model.PaymentProcessed;
import farm.moonx.events.kafka.EventConsumerConfig;
import farm.moonx.events.kafka.KafkaEventConsumer;
import farm.moonx.events.kafka.KafkaEventPublisher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Consumes {@value #RECORDS} {@code payment.processed} envelopes from the start of a topic with
 * a new consumer group, until every one was handled: the typed container (route by header,
 * generated codec, validation, generated dispatcher, commit per poll) against a plain
 * {@code KafkaConsumer} decoding each value with jackson-databind, or with DSL-JSON's own
 * compiled converter (reused, its fast path), and committing per poll too. One operation is
 * one record; the score is microseconds per record, group join included. Fifteen single
 * shots: with five, one slow shot put the error bars at ± 50–100 %. Six warm-up shots: after
 * one, the first four measured shots were still 1.5–2 times slower than the rest.
 */
@Fork(1)
@Warmup(iterations = 6)
@Measurement(iterations = 15)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@OperationsPerInvocation(ConsumeBenchmark.RECORDS)
public class ConsumeBenchmark {
  static final int RECORDS = 50_000;
  private static final String TOPIC = "bench.consume";

  private BenchKafka kafka;
  private final ObjectMapper mapper = BaselineEnvelope.mapper();
  private final DslJson<Object> dslJson =
      new DslJson<>(Settings.withRuntime().includeServiceLoader().skipDefaultValues(true));
  private final AtomicInteger groups = new AtomicInteger();
  private final AtomicLong checksum = new AtomicLong();
  private KafkaEventConsumer typedConsumer;
  private KafkaConsumer<byte[], byte[]> rawConsumer;

  /** Starts the broker and fills the topic once. */
  @Setup(Level.Trial)
  public void setUp() {
    kafka = BenchKafka.start();
    kafka.cluster().createTopic(TOPIC, 3);
    try (KafkaEventPublisher publisher = kafka.typedPublisher(TOPIC)) {
      CompletableFuture<?>[] sent = new CompletableFuture<?>[RECORDS];
      for (int i = 0; i < RECORDS; i++) {
        sent[i] = publisher.publish(BenchEvents.PAYMENT_PROCESSED,
            new PaymentProcessed("p-" + i, "u-" + (i % 16), Payloads.AMOUNT, "USD", Payloads.PROCESSED_AT));
      }
      CompletableFuture.allOf(sent).join();
    }
  }

  /** The typed container with the generated dispatcher. */
  @Benchmark
  public void typedConsume() throws InterruptedException {
    CountDownLatch done = new CountDownLatch(RECORDS);
    BenchHandler handler = new BenchHandler() {
      @Override
      public void onPaymentProcessed(EventEnvelope<PaymentProcessed> event, Delivery context) {
        checksum.addAndGet(event.data().paymentId().length());
        done.countDown();
      }
    };
    typedConsumer = KafkaEventConsumer.create(EventConsumerConfig.builder("typed-" + groups.incrementAndGet())
        .bootstrapServers(kafka.cluster().bootstrapServers())
        .topics(TOPIC)
        .pollTimeout(Duration.ofMillis(100))
        .dispatcher(new BenchDispatcher(handler))
        .build()).start();
    if (!done.await(5, TimeUnit.MINUTES)) {
      throw new IllegalStateException("typed consumer handled only " + (RECORDS - done.getCount()));
    }
  }

  /** Baseline: poll, {@code ObjectMapper.readValue} per record, commit per poll. */
  @Benchmark
  public void rawConsume() {
    rawLoop(value -> mapper.readValue(value, BaselineEnvelope.class));
  }

  /** Baseline: poll, DSL-JSON's compiled converter per record, commit per poll. */
  @Benchmark
  public void rawConsumeDslJson() {
    rawLoop(value -> dslJson.deserialize(BaselineEnvelope.class, value, value.length));
  }

  /** Reads a value into the baseline envelope. */
  @FunctionalInterface
  interface Decoder {
    BaselineEnvelope decode(byte[] value) throws IOException;
  }

  private void rawLoop(Decoder decoder) {
    Map<String, Object> config = kafka.cluster().consumerConfig("raw-" + groups.incrementAndGet());
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    rawConsumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    rawConsumer.subscribe(List.of(TOPIC));
    int handled = 0;
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (handled < RECORDS) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("raw consumer handled only " + handled);
      }
      ConsumerRecords<byte[], byte[]> records = rawConsumer.poll(Duration.ofMillis(100));
      for (ConsumerRecord<byte[], byte[]> record : records) {
        BaselineEnvelope envelope;
        try {
          envelope = decoder.decode(record.value());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        checksum.addAndGet(envelope.data().paymentId().length());
        handled++;
      }
      if (!records.isEmpty()) {
        rawConsumer.commitSync();
      }
    }
  }

  /** Closes the consumer of the last invocation (not measured). */
  @TearDown(Level.Invocation)
  public void closeConsumer() {
    if (typedConsumer != null) {
      typedConsumer.close(Duration.ofSeconds(30));
      typedConsumer = null;
    }
    if (rawConsumer != null) {
      rawConsumer.close();
      rawConsumer = null;
    }
  }

  /** Stops the broker. */
  @TearDown(Level.Trial)
  public void tearDown() {
    kafka.close();
  }
}
