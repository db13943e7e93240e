package farm.moonx.events.spi;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import farm.moonx.events.EventDescriptor;
import farm.moonx.events.EventRegistry;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The codec generated code builds from a record's description: every kind of component
 * written as the wire format has it, read back, missing and mistyped fields reported with path
 * and offset, and a Java-built value validated with the messages users see.
 */
class RecordCodecTest {
  enum Color { RED, GREEN }

  record Line(String sku, int quantity, Optional<Line> replaces) {}

  record Order(boolean flag, byte tiny, short small, int count, long big, float ratio, double measure, char letter,
      String id, BigDecimal amount, Instant at, String maybe, Optional<String> note, List<Line> lines, Color color) {}

  /** Refers to itself, as a generated codec of a recursive record does. */
  private static final RecordCodec<Line> LINE = RecordCodec.builder(Line.class,
          (line, i) -> i == 0 ? line.sku() : line.replaces(),
          v -> new Line(v.get(0), v.getInt(1), v.optional(2)))
      .field("sku", CodecSupport.STRING)
      .intField("quantity", Line::quantity)
      .optional("replaces", CodecSupport.lazy(() -> RecordCodecTest.LINE))
      .build();

  private static final RecordCodec<Order> ORDER = RecordCodec.builder(Order.class, RecordCodecTest::component,
          v -> new Order(v.getBoolean(0), v.getByte(1), v.getShort(2), v.getInt(3), v.getLong(4), v.getFloat(5),
              v.getDouble(6), v.getChar(7), v.get(8), v.get(9), v.get(10), v.get(11), v.optional(12), v.get(13),
              v.get(14)))
      .booleanField("flag", Order::flag)
      .byteField("tiny", Order::tiny)
      .shortField("small", Order::small)
      .intField("count", Order::count)
      .longField("big", Order::big)
      .floatField("ratio", Order::ratio)
      .doubleField("measure", Order::measure)
      .charField("letter", Order::letter)
      .field("id", CodecSupport.STRING)
      .field("amount", CodecSupport.BIG_DECIMAL)
      .field("at", CodecSupport.INSTANT)
      .nullable("maybe", CodecSupport.STRING)
      .optional("note", CodecSupport.STRING)
      .field("lines", CodecArrays.list(LINE))
      .field("color", CodecSupport.enumOf("Color", Color.values()))
      .build();

  /** The accessor of {@link Order}'s reference components, as the processor generates one. */
  private static Object component(Order order, int index) {
    return switch (index) {
      case 8 -> order.id();
      case 9 -> order.amount();
      case 10 -> order.at();
      case 11 -> order.maybe();
      case 12 -> order.note();
      case 13 -> order.lines();
      case 14 -> order.color();
      default -> throw new IndexOutOfBoundsException(index);
    };
  }

  private static final Order ORDER_VALUE = new Order(true, (byte) -1, (short) 300, 7, 9007199254740993L, 0.1f, 2.5,
      'x', "o-1", new BigDecimal("12.50"), Instant.ofEpochMilli(1732700000000L), null, Optional.of("n"),
      List.of(new Line("b", 2, Optional.of(new Line("a", 1, Optional.empty())))), Color.GREEN);

  private static final String ORDER_JSON = "{\"flag\":true,\"tiny\":-1,\"small\":300,\"count\":7,"
      + "\"big\":9007199254740993,\"ratio\":0.1,\"measure\":2.5,\"letter\":\"x\",\"id\":\"o-1\",\"amount\":\"12.50\","
      + "\"at\":1732700000000,\"note\":\"n\",\"lines\":[{\"sku\":\"b\",\"quantity\":2,\"replaces\":"
      + "{\"sku\":\"a\",\"quantity\":1}}],\"color\":\"GREEN\"}";

  private static <T> String write(RecordCodec<T> codec, T value) {
    JsonOut out = JsonOut.create();
    codec.write(out, value);
    return new String(out.toByteArray(), UTF_8);
  }

  private static <T> T read(RecordCodec<T> codec, String json) throws IOException {
    return codec.read(JsonIn.of(json.getBytes(UTF_8), "data"));
  }

  @Test
  void writesEveryKindAsTheWireFormatHasItOmittingNullsAndEmptyOptionals() {
    assertThat(write(ORDER, ORDER_VALUE)).isEqualTo(ORDER_JSON);
  }

  @Test
  void readsWhatItWritesSkippingUnknownFieldsAndTakingNullAsAbsent() throws IOException {
    assertThat(read(ORDER, ORDER_JSON)).isEqualTo(ORDER_VALUE);
    String extras = ORDER_JSON.replace("{\"flag\":true,", "{\"extra\":{\"a\":[1,2]},\"flag\":true,\"maybe\":null,")
        .replace("\"note\":\"n\"", "\"note\":null");
    assertThat(read(ORDER, extras).note()).isEmpty();
    assertThat(read(ORDER, extras).maybe()).isNull();
  }

  @Test
  void aMissingRequiredFieldIsReportedByPathAndOffset() {
    String missing = ORDER_JSON.replace("\"id\":\"o-1\",", "");
    assertThatThrownBy(() -> read(ORDER, missing))
        .isInstanceOf(MalformedEventException.class)
        .hasMessageContaining("data.id: required field is missing")
        .satisfies(e -> assertThat(((MalformedEventException) e).byteOffset()).isEqualTo(missing.length() - 1));
    assertThatThrownBy(() -> read(ORDER, ORDER_JSON.replace("\"count\":7,", "")))
        .hasMessageContaining("data.count: required field is missing");
  }

  @Test
  void aValueOfTheWrongTypeOrRangeNamesItsPath() {
    assertThatThrownBy(() -> read(ORDER, ORDER_JSON.replace("\"tiny\":-1", "\"tiny\":200")))
        .hasMessageContaining("data.tiny: 200 is out of the range of a byte");
    assertThatThrownBy(() -> read(ORDER, ORDER_JSON.replace("\"quantity\":1", "\"quantity\":\"1\"")))
        .hasMessageContaining("data.lines[0].replaces.quantity: expected");
    assertThatThrownBy(() -> read(ORDER, ORDER_JSON.replace("\"GREEN\"", "\"BLUE\"")))
        .hasMessageContaining("data.color: \"BLUE\" is not a constant of Color");
  }

  @Test
  void aRecordReadAfterAFailedOneOnTheSameThreadKeepsNothingOfIt() throws IOException {
    // The runtime's reader (one per thread) reuses one holder of component values per nesting
    // depth: a read that fails half way must not leave its values to the next record.
    EventDescriptor<Order> descriptor = EventDescriptor.builder("order.placed", Order.class, ORDER).version("1.0").build();
    EventRegistry registry = EventRegistry.of(descriptor);
    JsonEventSerializer serializer = JsonEventSerializer.shared();
    String failing = ORDER_JSON.replace("\"GREEN\"", "\"BLUE\"");
    String withoutNote = ORDER_JSON.replace(",\"note\":\"n\"", "");
    assertThat(withoutNote).isNotEqualTo(ORDER_JSON);

    assertThatThrownBy(() -> serializer.deserialize(envelope(failing), registry))
        .hasMessageContaining("is not a constant of Color");
    Order next = descriptor.cast(serializer.deserialize(envelope(withoutNote), registry).data());
    assertThat(next.note()).isEmpty();
    assertThat(next).isEqualTo(read(ORDER, withoutNote));
    assertThat(descriptor.cast(serializer.deserialize(envelope(ORDER_JSON), registry).data())).isEqualTo(ORDER_VALUE);
  }

  private static byte[] envelope(String data) {
    return ("{\"metadata\":{\"eventId\":\"e-1\",\"eventType\":\"order.placed\",\"eventVersion\":\"1.0\","
        + "\"correlationId\":\"c-1\",\"timestamp\":1732700000000,\"source\":\"orders\"},\"data\":" + data + "}")
        .getBytes(UTF_8);
  }

  @Test
  void readsALongUpToItsLimitsAndRejectsOneDigitBeyondByPath() throws IOException {
    String big = "\"big\":" + ORDER_VALUE.big();
    assertThat(read(ORDER, ORDER_JSON.replace(big, "\"big\":9223372036854775807")).big()).isEqualTo(Long.MAX_VALUE);
    assertThat(read(ORDER, ORDER_JSON.replace(big, "\"big\":-9223372036854775808")).big()).isEqualTo(Long.MIN_VALUE);
    assertThat(read(ORDER, ORDER_JSON.replace(big, "\"big\":-0")).big()).isZero();
    // Either side of 18 digits, where reading stops checking each digit for overflow.
    for (long edge : List.of(999_999_999_999_999_999L, -999_999_999_999_999_999L, 1_000_000_000_000_000_000L,
        -1_000_000_000_000_000_000L, 123_456_789_012_345_678L, 1_732_700_000_000L)) {
      assertThat(read(ORDER, ORDER_JSON.replace(big, "\"big\":" + edge)).big()).isEqualTo(edge);
    }
    for (String beyond : List.of("9223372036854775808", "-9223372036854775809", "9223372036854775810",
        "92233720368547758070", "99999999999999999999")) {
      assertThatThrownBy(() -> read(ORDER, ORDER_JSON.replace(big, "\"big\":" + beyond)))
          .isInstanceOf(MalformedEventException.class)
          .hasMessageContaining("data.big: " + beyond + " is out of the range of a long");
    }
  }

  @Test
  void givesEachComponentAsAPartitionKeyInTheTextOfItsJsonValue() {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      keys.add(ORDER.partitionKey(i).apply(ORDER_VALUE));
    }
    assertThat(keys).containsExactly("true", "-1", "300", "7", "9007199254740993", "0.1", "2.5", "x", "o-1", "12.50",
        "2024-11-27T09:33:20Z", null, "n", ORDER_VALUE.lines().toString(), "GREEN");
    assertThat(LINE.partitionKey(2).apply(new Line("a", 1, Optional.empty()))).isNull();
    assertThatThrownBy(() -> ORDER.partitionKey(15)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void aReferenceComponentNeedsTheAccessor() {
    assertThatThrownBy(() -> RecordCodec.builder(Line.class, v -> null).field("sku", CodecSupport.STRING))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("has reference components: build it with an accessor");
  }

  @Test
  void validatesRequiredReferencesAndNullOptionalsButNotNullables() {
    Order broken = new Order(false, (byte) 0, (short) 0, 0, 0, 0, 0, 'a', null, BigDecimal.ONE, null, null, null,
        List.of(), Color.RED);
    List<String> errors = new ArrayList<>();
    ORDER.validate(broken, errors);
    assertThat(errors).containsExactly("data.id: is required", "data.at: is required",
        "data.note: is required (use Optional.empty(), not null)");
    errors.clear();
    ORDER.validate(ORDER_VALUE, errors);
    assertThat(errors).isEmpty();
  }

  @Test
  void theDescriptorValidatesWithItsCodecThenItsOwnValidator() {
    EventDescriptor<Line> descriptor = EventDescriptor.builder("order.line", Line.class, LINE)
        .validator((line, errors) -> {
          if (line.quantity() < 1) {
            errors.add("data.quantity: must be positive");
          }
        })
        .build();
    assertThat(descriptor.validateData(new Line(null, 0, Optional.empty())))
        .containsExactly("data.sku: is required", "data.quantity: must be positive");
    assertThat(descriptor.validateData(new Line("a", 1, Optional.empty()))).isEmpty();
  }

  @Test
  void describesItsFieldsInOrderWithTheOptionalOnesMarked() {
    assertThat(LINE.fields().size()).isEqualTo(3);
    assertThat(LINE.fields().name(2)).isEqualTo("replaces");
    assertThat(LINE).hasToString("RecordCodec[" + Line.class.getName() + "]");
  }
}
