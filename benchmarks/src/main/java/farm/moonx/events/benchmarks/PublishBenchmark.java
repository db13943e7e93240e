package farm.moonx.events.benchmarks;

import com.dslplatform.json.DslJson;
import com.dslplatform.json.JsonWriter;
import com.dslplatform.json.runtime.Settings;
import farm.moonx.events.PublishResult;
import farm.moonx.events.benchmarks.baseline.BaselineEnvelope;
import farm.moonx.events.benchmarks.model.BenchEvents;
import farm.moonx.events.benchmarks.model.PaymentProcessed;
import farm.moonx.events.kafka.KafkaEventPublisher;
import farm.moonx.events.spi.EventHeaders;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
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
 * Records per second sent and acknowledged: a typed publish (envelope, validation, generated
 * codec, headers, send) against a plain {@code KafkaProducer<String, byte[]>} with the same
 * producer properties, two ways: sending the same pre-serialized envelope with the same headers
 * ({@code rawPublish}: Kafka's own cost only), and doing per record what a service without
 * moonx-events does ({@code rawPublishDslJson}: a new envelope with a random UUID and the clock's
 * time, serialized by DSL-JSON's generated converter, four routing headers), the publishing twin
 * of {@code ConsumeBenchmark.rawConsumeDslJson}. Each operation is a batch of {@value #BATCH}
 * sends, finished when every one is acknowledged. Two forks: one fork's broker swings the score.
 *
 * <p>Thirty seconds of warm-up: a fork's throughput climbs for about ten two-second iterations
 * (the JIT warming broker and clients alike), peaks, then settles at the rate it keeps (with the
 * broker's logs on tmpfs too); with four seconds, the measured iterations were still climbing
 * and scored how fast each side warmed up, not how fast it publishes.
 */
@Fork(2)
@Warmup(iterations = 15, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(PublishBenchmark.BATCH)
public class PublishBenchmark {
  static final int BATCH = 5_000;
  private static final int KEYS = 16;
  private static final byte[] TYPE = "payment.processed".getBytes(StandardCharsets.UTF_8);
  private static final byte[] VERSION = "1.0".getBytes(StandardCharsets.UTF_8);

  private BenchKafka kafka;
  private KafkaEventPublisher typed;
  private KafkaProducer<String, byte[]> raw;
  private final PaymentProcessed[] payments = new PaymentProcessed[KEYS];
  private final String[] keys = new String[KEYS];
  private byte[] value;
  private Headers headers;
  private final DslJson<Object> dslJson = new DslJson<>(Settings.withRuntime().includeServiceLoader().skipDefaultValues(true));
  private final JsonWriter dslWriter = dslJson.newWriter();

  /** Starts the broker, creates the topics and both producers. */
  @Setup(Level.Trial)
  public void setUp() {
    kafka = BenchKafka.start();
    kafka.cluster().createTopic("bench.publish.typed", 3);
    kafka.cluster().createTopic("bench.publish.raw", 3);
    typed = kafka.typedPublisher("bench.publish.typed");
    raw = BenchKafka.rawProducer(typed);
    for (int i = 0; i < KEYS; i++) {
      keys[i] = "u-" + i;
      payments[i] = new PaymentProcessed("p-" + i, keys[i], Payloads.AMOUNT, "USD", Payloads.PROCESSED_AT);
    }
    value = BenchKafka.envelopeBytes();
    headers = BenchKafka.routingHeaders();
  }

  /**
   * Typed: {@code publish(descriptor, record)} per event, then waits for each future in turn, as
   * the baselines do ({@code CompletableFuture.allOf} would chain 5,000 relays that complete on the
   * producer's I/O thread, a cost of the benchmark's waiting, not of publishing).
   */
  @Benchmark
  public void typedPublish() {
    @SuppressWarnings("unchecked")
    CompletableFuture<PublishResult>[] sent = new CompletableFuture[BATCH];
    for (int i = 0; i < BATCH; i++) {
      sent[i] = typed.publish(BenchEvents.PAYMENT_PROCESSED, payments[i % KEYS]);
    }
    for (CompletableFuture<PublishResult> future : sent) {
      future.join();
    }
  }

  /** Baseline: {@code send(ProducerRecord)} of ready bytes per event. */
  @Benchmark
  public void rawPublish() throws Exception {
    @SuppressWarnings("unchecked")
    Future<RecordMetadata>[] sent = new Future[BATCH];
    for (int i = 0; i < BATCH; i++) {
      sent[i] = raw.send(new ProducerRecord<>("bench.publish.raw", null, keys[i % KEYS], value, headers));
    }
    for (Future<RecordMetadata> future : sent) {
      future.get();
    }
  }

  /**
   * Baseline: per record a new envelope (random UUID, clock time) serialized with DSL-JSON's
   * generated converter, the routing headers, {@code send(ProducerRecord)}.
   */
  @Benchmark
  public void rawPublishDslJson() throws Exception {
    @SuppressWarnings("unchecked")
    Future<RecordMetadata>[] sent = new Future[BATCH];
    for (int i = 0; i < BATCH; i++) {
      PaymentProcessed payment = payments[i % KEYS];
      String id = UUID.randomUUID().toString();
      BaselineEnvelope envelope = new BaselineEnvelope(
          new BaselineEnvelope.Metadata(id, "payment.processed", "1.0", id, null, System.currentTimeMillis(),
              "bench", null, null, null, "confidential", null, null),
          new BaselineEnvelope.Payment(payment.paymentId(), payment.userId(), payment.amount(), payment.currency(),
              payment.processedAt()));
      dslWriter.reset();
      dslJson.serialize(dslWriter, BaselineEnvelope.class, envelope);
      RecordHeaders headers = new RecordHeaders();
      headers.add(EventHeaders.EVENT_TYPE, TYPE);
      headers.add(EventHeaders.EVENT_ID, id.getBytes(StandardCharsets.UTF_8));
      headers.add(EventHeaders.EVENT_VERSION, VERSION);
      headers.add(EventHeaders.CORRELATION_ID, id.getBytes(StandardCharsets.UTF_8));
      sent[i] = raw.send(new ProducerRecord<>("bench.publish.raw", null, payment.userId(), dslWriter.toByteArray(),
          headers));
    }
    for (Future<RecordMetadata> future : sent) {
      future.get();
    }
  }

  /** Closes the producers and the broker. */
  @TearDown(Level.Trial)
  public void tearDown() {
    typed.close();
    raw.close();
    kafka.close();
  }
}
