package farm.moonx.events.spi;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.core.StreamReadConstraints;
import farm.moonx.events.EventDescriptor;
import farm.moonx.events.EventRegistry;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, item 4: numbers from input cost bounded time and never become infinities. Driven
 * through the public serializer and a codec that reads its fields with {@link CodecSupport},
 * as generated codecs do.
 */
class NumberLimitsTest {
  record Reading(BigDecimal amount, BigInteger count, double ratio) {}

  /** The shape of a generated codec: one CodecSupport call per field. */
  static final class ReadingCodec implements EventCodec<Reading> {
    private static final JsonFields FIELDS = JsonFields.of("amount?", "count?", "ratio?");

    @Override
    public void write(JsonOut out, Reading v) {
      throw new UnsupportedOperationException("read-only test codec");
    }

    @Override
    public Reading read(JsonIn in) throws IOException {
      BigDecimal amount = null;
      BigInteger count = null;
      double ratio = 0;
      for (int field = in.firstField(FIELDS); field != JsonIn.END; field = in.nextField(FIELDS)) {
        switch (field) {
          case 0 -> amount = CodecSupport.readBigDecimal(in);
          case 1 -> count = CodecSupport.readBigInteger(in);
          case 2 -> ratio = CodecSupport.readDouble(in);
          default -> throw new IllegalStateException("field " + field);
        }
      }
      return new Reading(amount, count, ratio);
    }
  }

  private static final EventDescriptor<Reading> READING =
      EventDescriptor.builder("meter.read", Reading.class, new ReadingCodec()).version("1.0").build();
  private static final EventRegistry REGISTRY = EventRegistry.of(READING);

  private static byte[] envelope(String data) {
    return ("{\"metadata\":{\"eventId\":\"e-1\",\"eventType\":\"meter.read\",\"eventVersion\":\"1.0\","
        + "\"correlationId\":\"c-1\",\"timestamp\":1732700000000,\"source\":\"meters\"},\"data\":" + data + "}")
        .getBytes(UTF_8);
  }

  private static Throwable readFailure(JsonEventSerializer serializer, String data) {
    return catchThrowable(() -> serializer.deserialize(envelope(data), REGISTRY));
  }

  @Test
  void aMillionDigitDecimalStringIsRejectedAtOnceNamingTheField() {
    String digits = "9".repeat(1_000_000);
    Throwable error = assertTimeoutPreemptively(Duration.ofSeconds(2),
        () -> readFailure(JsonEventSerializer.shared(), "{\"amount\":\"" + digits + "\"}"));
    assertThat(error).isInstanceOf(MalformedEventException.class)
        .hasMessageContaining("data.amount")
        .hasMessageContaining("longer than " + JsonNumbers.MAX_NUMBER_LENGTH + " characters");
    assertThat(error.getMessage()).hasSizeLessThan(1_000); // the input is not quoted back
  }

  @Test
  void aMillionDigitIntegerStringIsRejectedToo() {
    Throwable error = assertTimeoutPreemptively(Duration.ofSeconds(2),
        () -> readFailure(JsonEventSerializer.shared(), "{\"count\":\"" + "7".repeat(1_000_000) + "\"}"));
    assertThat(error).isInstanceOf(MalformedEventException.class).hasMessageContaining("data.count");
  }

  @Test
  void aLongJsonNumberIsRejectedNamingTheField() {
    Throwable error = readFailure(JsonEventSerializer.shared(), "{\"amount\":" + "9".repeat(5_000) + "}");
    assertThat(error).isInstanceOf(MalformedEventException.class).hasMessageContaining("data.amount");
  }

  @Test
  void theLimitIsJacksonsDefaultAndCanBeRaised() {
    assertThat(JsonNumbers.MAX_NUMBER_LENGTH).isEqualTo(StreamReadConstraints.DEFAULT_MAX_NUM_LEN);
    String limit = "1".repeat(JsonNumbers.MAX_NUMBER_LENGTH);
    Reading reading = (Reading) JsonEventSerializer.shared()
        .deserialize(envelope("{\"amount\":\"" + limit + "\"}"), REGISTRY).data();
    assertThat(reading.amount()).isEqualTo(new BigDecimal(limit));
    String longer = "1".repeat(JsonNumbers.MAX_NUMBER_LENGTH + 1);
    assertThat(readFailure(JsonEventSerializer.shared(), "{\"amount\":\"" + longer + "\"}"))
        .isInstanceOf(MalformedEventException.class);
    assertThat(readFailure(JsonEventSerializer.shared(), "{\"amount\":" + longer + "}"))
        .isInstanceOf(MalformedEventException.class);

    JsonEventSerializer generous = JsonEventSerializer.withMaxNumberLength(5_000);
    assertThat(((Reading) generous.deserialize(envelope("{\"amount\":\"" + longer + "\"}"), REGISTRY).data()).amount())
        .isEqualTo(new BigDecimal(longer));
    assertThat(((Reading) generous.deserialize(envelope("{\"count\":" + longer + "}"), REGISTRY).data()).count())
        .isEqualTo(new BigInteger(longer));
    assertThat(readFailure(generous, "{\"amount\":\"" + "1".repeat(5_001) + "\"}"))
        .isInstanceOf(MalformedEventException.class).hasMessageContaining("longer than 5000 characters");
    // The shared serializer keeps its own limit on the same thread afterwards.
    assertThat(readFailure(JsonEventSerializer.shared(), "{\"amount\":\"" + longer + "\"}"))
        .isInstanceOf(MalformedEventException.class);
  }

  @Test
  void aDoubleBeyondItsRangeIsAnErrorNotInfinity() {
    assertThat(readFailure(JsonEventSerializer.shared(), "{\"ratio\":1e400}"))
        .isInstanceOf(MalformedEventException.class)
        .hasMessageContaining("data.ratio")
        .hasMessageContaining("out of the range of a double");
    assertThat(readFailure(JsonEventSerializer.shared(), "{\"ratio\":-1e400}"))
        .isInstanceOf(MalformedEventException.class).hasMessageContaining("data.ratio");
    Reading fine = (Reading) JsonEventSerializer.shared().deserialize(envelope("{\"ratio\":1e300}"), REGISTRY).data();
    assertThat(fine.ratio()).isEqualTo(1e300);
  }
}
