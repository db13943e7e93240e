package farm.moonx.events.benchmarks;

import com.dslplatform.json.DslJson;
import com.dslplatform.json.JsonWriter;
import com.dslplatform.json.runtime.Settings;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import farm.moonx.events.EventEnvelope;
import farm.moonx.events.EventRegistry;
import farm.moonx.events.benchmarks.baseline.BaselineEnvelope;
import farm.moonx.events.benchmarks.model.BenchEvents;
import farm.moonx.events.benchmarks.model.PaymentProcessed;
import farm.moonx.events.spi.JsonEventSerializer;
import io.avaje.jsonb.JsonType;
import io.avaje.jsonb.Jsonb;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Serializes and deserializes the {@code payment.processed} envelope with the generated codec
 * (the runtime's {@link JsonEventSerializer} plus the processor's data codec) and with three
 * baselines: jackson-databind, DSL-JSON and avaje-jsonb, all three on the same
 * {@link BaselineEnvelope} records. Every deserializer reads the same
 * bytes (the generated codec's); the setup checks that all four write the same JSON and read
 * it back equal, so no library is measured doing less. Three forks: on this virtual machine
 * one fork's scores swing by up to 2x with the host's memory traffic, and JIT outcomes differ
 * from fork to fork.
 */
@Fork(3)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CodecBenchmark {
  private final JsonEventSerializer codec = JsonEventSerializer.shared();
  private final JsonFactory jsonFactory = new JsonFactory();
  private final EventRegistry registry = EventRegistry.of(BenchEvents.PAYMENT_PROCESSED);
  private final ObjectMapper mapper = BaselineEnvelope.mapper();
  private final DslJson<Object> dslJson = new DslJson<>(Settings.withRuntime().includeServiceLoader().skipDefaultValues(true));
  private final JsonWriter dslWriter = dslJson.newWriter();
  private final JsonType<BaselineEnvelope> avaje = Jsonb.builder().build().type(BaselineEnvelope.class);

  private EventEnvelope<PaymentProcessed> envelope;
  private BaselineEnvelope baseline;
  private byte[] json;

  /** Builds the envelopes and checks that every library writes and reads the same JSON. */
  @Setup
  public void setUp() throws IOException {
    envelope = Payloads.envelope();
    baseline = Payloads.baseline();
    json = codec.serialize(envelope, BenchEvents.PAYMENT_PROCESSED);
    JsonNode expected = mapper.readTree(json);
    check("jackson-databind writes", expected, mapper.readTree(serializeDatabind()));
    check("DSL-JSON writes", expected, mapper.readTree(serializeDslJson()));
    check("avaje-jsonb writes", expected, mapper.readTree(serializeAvaje()));
    check("generated codec reads", envelope, deserializeGenerated());
    check("jackson-databind reads", baseline, deserializeDatabind());
    check("DSL-JSON reads", baseline, deserializeDslJson());
    check("avaje-jsonb reads", baseline, deserializeAvaje());
  }

  private static void check(String what, Object expected, Object actual) {
    if (!expected.equals(actual)) {
      throw new IllegalStateException(what + " something else:\n expected " + expected + "\n actual   " + actual);
    }
  }

  /** The generated codec, writing the envelope to a new byte array. */
  @Benchmark
  public byte[] serializeGenerated() {
    return codec.serialize(envelope, BenchEvents.PAYMENT_PROCESSED);
  }

  /** Baseline: {@code ObjectMapper.writeValueAsBytes}. */
  @Benchmark
  public byte[] serializeDatabind() throws IOException {
    return mapper.writeValueAsBytes(baseline);
  }

  /** Baseline: DSL-JSON with a reused writer (its fast path), copied to a new byte array. */
  @Benchmark
  public byte[] serializeDslJson() throws IOException {
    dslWriter.reset();
    dslJson.serialize(dslWriter, BaselineEnvelope.class, baseline);
    return dslWriter.toByteArray();
  }

  /** Baseline: avaje-jsonb {@code toJsonBytes}. */
  @Benchmark
  public byte[] serializeAvaje() {
    return avaje.toJsonBytes(baseline);
  }

  /** The generated codec, looking the event type up in the registry as a consumer does. */
  @Benchmark
  public EventEnvelope<?> deserializeGenerated() {
    return codec.deserialize(json, registry);
  }

  /**
   * Not a baseline but a floor: only tokenizing the same bytes with jackson-core (every string
   * value materialized, as any decoder must), the least a codec built on it can cost.
   */
  @Benchmark
  public long tokenizeJacksonCore() throws IOException {
    long strings = 0;
    try (JsonParser parser = jsonFactory.createParser(json)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token == JsonToken.VALUE_STRING) {
          strings += parser.getText().length();
        }
      }
    }
    return strings;
  }

  /** Baseline: {@code ObjectMapper.readValue} into the envelope records. */
  @Benchmark
  public BaselineEnvelope deserializeDatabind() throws IOException {
    return mapper.readValue(json, BaselineEnvelope.class);
  }

  /** Baseline: DSL-JSON {@code deserialize}. */
  @Benchmark
  public BaselineEnvelope deserializeDslJson() throws IOException {
    return dslJson.deserialize(BaselineEnvelope.class, json, json.length);
  }

  /** Baseline: avaje-jsonb {@code fromJson}. */
  @Benchmark
  public BaselineEnvelope deserializeAvaje() {
    return avaje.fromJson(json);
  }
}
