package farm.moonx.events.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import farm.moonx.events.EventDescriptor;
import farm.moonx.events.spi.EventCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where the codecs live and that they run: a catalog's own records in its registry, recursive
 * records included (initialized in order, cycles read lazily); a record of another package, and
 * what it reaches, in a holder class next to it, reachable from its package only.
 */
class CodecLayoutTest {
  private static final String TREE = """
      package com.example.trees;
      import farm.moonx.events.annotations.EventType;
      import java.util.List;
      import java.util.Optional;
      @EventType("tree.grown")
      public record Grown(String name, Node root, Optional<Leaf> firstLeaf) {
        public record Node(String label, List<Node> children, Optional<Leaf> leaf) {}
        public record Leaf(String color, Optional<Node> parent) {}
      }
      """;

  private static final String ORDER = """
      package com.example.shop;
      import com.example.common.Money;
      import farm.moonx.events.annotations.EventType;
      @EventType("order.priced")
      public record Priced(String orderId, Money total) {}
      """;

  private static final String MONEY = """
      package com.example.common;
      public record Money(String currency, java.math.BigDecimal amount, Rate rate) {
        /** Package-private: only code in com.example.common can name it. */
        record Rate(String from, double value) {}
      }
      """;

  private static final String NAMED = """
      package com.example.trees;
      import farm.moonx.events.annotations.EventType;
      import java.util.List;
      import java.util.Set;
      @EventType("tree.named")
      public record Named(String name, List<String> tags) {
        public Named(StringBuilder name, Set<String> tags) {
          this(name.toString(), List.copyOf(tags));
        }
      }
      """;

  private static final String CLOCK = """
      package com.example.clock;
      import farm.moonx.events.annotations.EventType;
      import farm.moonx.events.annotations.PartitionKey;
      @EventType("clock.ticked")
      public record Ticked(@PartitionKey long at, int count) {}
      """;

  private static final String PING = """
      package com.example.clock;
      import farm.moonx.events.annotations.EventType;
      @EventType("clock.pinged")
      public record Pinged() {}
      """;

  private static Compilation compile() {
    Compilation c = TestCompiler.strict(List.of(
        JavaFileObjects.forSourceString("com.example.trees.Grown", TREE),
        JavaFileObjects.forSourceString("com.example.shop.Priced", ORDER),
        JavaFileObjects.forSourceString("com.example.common.Money", MONEY),
        JavaFileObjects.forSourceString("com.example.trees.Named", NAMED),
        JavaFileObjects.forSourceString("com.example.clock.Ticked", CLOCK),
        JavaFileObjects.forSourceString("com.example.clock.Pinged", PING)));
    assertThat(c).succeededWithoutWarnings();
    return c;
  }

  @SuppressWarnings("unchecked")
  private static EventDescriptor<Object> descriptor(ClassLoader loader, String registry, String constant)
      throws Exception {
    return (EventDescriptor<Object>) Class.forName(registry, true, loader).getField(constant).get(null);
  }

  private static String roundTrip(ClassLoader loader, String registry, String constant, String json) throws Exception {
    EventCodec<Object> codec = descriptor(loader, registry, constant).codec();
    Object value = GeneratedCode.readAsData(codec, json);
    return new String(GeneratedCode.write(codec, value), StandardCharsets.UTF_8);
  }

  @Test
  void recursiveRecordsLiveInTheRegistryAndRoundTrip() throws Exception {
    Compilation c = compile();
    assertThat(c).generatedSourceFile("com.example.trees.TreesEvents").contentsAsUtf8String()
        .contains("CodecSupport.lazy(() -> TreesEvents.GROWN_NODE_CODEC)");
    String json = "{\"name\":\"oak\",\"root\":{\"label\":\"r\",\"children\":[{\"label\":\"c\",\"children\":[],"
        + "\"leaf\":{\"color\":\"green\",\"parent\":{\"label\":\"p\",\"children\":[]}}}]},"
        + "\"firstLeaf\":{\"color\":\"red\"}}";
    assertThat(roundTrip(TestCompiler.loader(c), "com.example.trees.TreesEvents", "TREE_GROWN", json))
        .isEqualTo(json);
  }

  @Test
  void anotherConstructorOfTheSameArityIsNoAmbiguity() throws Exception {
    Compilation c = compile();
    assertThat(c).generatedSourceFile("com.example.trees.TreesEvents").contentsAsUtf8String()
        .contains("new Named(v.<String>get(0), v.<List<String>>get(1))");
    String json = "{\"name\":\"n\",\"tags\":[\"a\",\"b\"]}";
    assertThat(roundTrip(TestCompiler.loader(c), "com.example.trees.TreesEvents", "TREE_NAMED", json)).isEqualTo(json);
  }

  @Test
  void aRecordOfAnotherPackageGetsAHolderNextToIt() throws Exception {
    Compilation c = compile();
    assertThat(c).generatedSourceFile("com.example.common.MoneyCodec").contentsAsUtf8String()
        .contains("public static final RecordCodec<Money> INSTANCE");
    assertThat(c).generatedSourceFile("com.example.common.Money_RateCodec");
    assertThat(c).generatedSourceFile("com.example.shop.ShopEvents").contentsAsUtf8String()
        .contains(".field(\"total\", MoneyCodec.INSTANCE)");
    String json = "{\"orderId\":\"o-1\",\"total\":{\"currency\":\"EUR\",\"amount\":\"9.90\","
        + "\"rate\":{\"from\":\"USD\",\"value\":0.5}}}";
    assertThat(roundTrip(TestCompiler.loader(c), "com.example.shop.ShopEvents", "ORDER_PRICED", json))
        .isEqualTo(json);
  }

  @Test
  void recordsWithoutReferenceComponentsGetOnlyAConstructorMethod() throws Exception {
    Compilation c = compile();
    String events = c.generatedSourceFile("com.example.clock.ClockEvents").orElseThrow().getCharContent(true).toString();
    assertThat(events)
        .contains("RecordCodec.<Ticked>builder(Ticked.class, ClockEvents::newTicked)")
        .contains("RecordCodec.<Pinged>builder(Pinged.class, ClockEvents::newPinged)")
        .contains(".partitionKey(TICKED_CODEC.partitionKey(0))")
        .doesNotContain("Object ticked(");
    ClassLoader loader = TestCompiler.loader(c);
    String json = "{\"at\":1732700000000,\"count\":7}";
    assertThat(roundTrip(loader, "com.example.clock.ClockEvents", "CLOCK_TICKED", json)).isEqualTo(json);
    assertThat(roundTrip(loader, "com.example.clock.ClockEvents", "CLOCK_PINGED", "{}")).isEqualTo("{}");
    EventDescriptor<Object> ticked = descriptor(loader, "com.example.clock.ClockEvents", "CLOCK_TICKED");
    assertThat(ticked.partitionKey(GeneratedCode.readAsData(ticked.codec(), json))).isEqualTo("1732700000000");
  }
}
