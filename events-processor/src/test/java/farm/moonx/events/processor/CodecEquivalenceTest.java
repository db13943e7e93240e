package farm.moonx.events.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import farm.moonx.events.spi.EventCodec;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Objects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generated codecs against Jackson databind, on 500 seeded random instances per record:
 * both write the same JSON tree, and each reads the other's JSON back to the same record.
 * Databind is configured for the wire conventions the codecs follow: decimals as strings,
 * instants and dates as epoch milliseconds, local dates and times as ISO strings, nulls and
 * empty Optionals omitted (but null elements inside lists and maps kept).
 */
class CodecEquivalenceTest {
  private static final int INSTANCES = 500;
  private static final ObjectMapper DATABIND = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .addModule(new Jdk8Module())
      .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_ABSENT, JsonInclude.Include.ALWAYS))
      .enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(SerializationFeature.WRITE_DATE_TIMESTAMPS_AS_NANOSECONDS)
      .disable(DeserializationFeature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS)
      .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
      .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
      .withConfigOverride(BigDecimal.class, o -> o.setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING)))
      .withConfigOverride(BigInteger.class, o -> o.setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING)))
      .withConfigOverride(LocalDate.class, o -> o.setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING)))
      .withConfigOverride(LocalDateTime.class, o -> o.setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING)))
      .withConfigOverride(OffsetDateTime.class, o -> o.setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING)))
      .build();

  @ParameterizedTest
  @ValueSource(strings = {
      "com.example.kitchen.Everything", "com.example.kitchen.Awkward",
      "com.example.payments.PaymentProcessed", "com.example.payments.PaymentFailed"})
  void writesAndReadsTheSameJsonAsDatabind(String recordName) throws Exception {
    GeneratedCode code = GeneratedCode.good();
    Class<?> type = code.type(recordName);
    EventCodec<Object> codec = code.codec(type);
    RandomValues random = new RandomValues(20261128L);
    for (int i = 0; i < INSTANCES; i++) {
      Object value = random.record(type);
      byte[] ours = GeneratedCode.write(codec, value);
      byte[] theirs = DATABIND.writeValueAsBytes(value);
      String context = "instance " + i + ": " + new String(ours, StandardCharsets.UTF_8);
      assertThat(DATABIND.readTree(ours)).as(context).isEqualTo(DATABIND.readTree(theirs));
      assertSameComponents(GeneratedCode.read(codec, theirs), value, context);
      assertSameComponents(DATABIND.readValue(ours, type), value, context);
      assertSameComponents(GeneratedCode.read(codec, ours), value, context);
    }
  }

  /** Component by component, arrays by content (records compare arrays by identity). */
  private static void assertSameComponents(Object actual, Object expected, String context) throws Exception {
    for (RecordComponent component : expected.getClass().getRecordComponents()) {
      Object a = component.getAccessor().invoke(actual);
      Object e = component.getAccessor().invoke(expected);
      assertThat(Objects.deepEquals(a, e))
          .as("%s: component %s: %s vs %s", context, component.getName(), a, e)
          .isTrue();
    }
  }
}
