package farm.moonx.events.benchmarks;

import farm.moonx.events.PublishResult;
import farm.moonx.events.benchmarks.model.BenchEvents;
import farm.moonx.events.benchmarks.model.PaymentProcessed;
import farm.moonx.events.kafka.KafkaEventPublisher;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;
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
 * codec, headers, send) against a plain {@code KafkaProducer<String, byte[]>} sending the same
 * pre-serialized envelope with the same headers and producer properties. Each operation is a
 * batch of {@value #BATCH} sends, finished when every one is acknowledged.
 */
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(PublishBenchmark.BATCH)
public class PublishBenchmark {
  static final int BATCH = 5_000;
  private static final int KEYS = 16;

  private BenchKafka kafka;
  private KafkaEventPublisher typed;
  private KafkaProducer<String, byte[]> raw;
  private final PaymentProcessed[] payments = new PaymentProcessed[KEYS];
  private final String[] keys = new String[KEYS];
  private byte[] value;
  private Headers headers;

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

  /** Typed: {@code publish(descriptor, record)} per event. */
  @Benchmark
  public void typedPublish() {
    CompletableFuture<?>[] sent = new CompletableFuture<?>[BATCH];
    for (int i = 0; i < BATCH; i++) {
      CompletableFuture<PublishResult> result = typed.publish(BenchEvents.PAYMENT_PROCESSED, payments[i % KEYS]);
      sent[i] = result;
    }
    CompletableFuture.allOf(sent).join();
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

  /** Closes the producers and the broker. */
  @TearDown(Level.Trial)
  public void tearDown() {
    typed.close();
    raw.close();
    kafka.close();
  }
}
