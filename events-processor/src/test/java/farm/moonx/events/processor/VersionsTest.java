package farm.moonx.events.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.testing.compile.Compilation;
import farm.moonx.events.EventDescriptor;
import farm.moonx.events.EventEnvelope;
import farm.moonx.events.EventRegistry;
import farm.moonx.events.spi.JsonEventSerializer;
import farm.moonx.events.spi.UnknownEventVersionException;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/** Several records per event name, one per major, joined by upcast chains the processor checks. */
class VersionsTest {
  private static final String META = "{\"eventId\":\"e-1\",\"eventType\":\"order.placed\",\"eventVersion\":\"%s\","
      + "\"correlationId\":\"c-1\",\"timestamp\":1732700000000,\"source\":\"ts-orders\"}";

  private static Compilation good() {
    Compilation c = TestCompiler.strict(TestCompiler.sources("versions/good"));
    assertThat(c).succeededWithoutWarnings();
    return c;
  }

  private static EventRegistry registry(ClassLoader loader) throws ReflectiveOperationException {
    return (EventRegistry) Class.forName("com.example.orders.OrdersEvents", true, loader)
        .getConstructor().newInstance();
  }

  private static Object decode(EventRegistry registry, String version, String data) {
    byte[] body = ("{\"metadata\":" + String.format(META, version) + ",\"data\":" + data + "}").getBytes(UTF_8);
    EventEnvelope<?> envelope = JsonEventSerializer.shared().deserialize(body, registry);
    assertThat(envelope.metadata().eventVersion()).isEqualTo(version);
    return envelope.data();
  }

  @Test
  void everyOlderMajorIsReadAndUpcastStepByStepToTheNewestRecord() throws Exception {
    Compilation c = good();
    ClassLoader loader = TestCompiler.loader(c);
    EventRegistry registry = registry(loader);
    EventDescriptor<?> placed = registry.find("order.placed").orElseThrow();
    assertThat(placed.type().getName()).isEqualTo("com.example.orders.OrderPlaced");
    assertThat(placed.versions()).containsExactly("1.3", "2.1", "3.0");
    assertThat(registry.descriptors()).hasSize(1);

    String newest = "OrderPlaced[orderId=o-1, amount=12.50, currency=USD, coupon=Optional.empty]";
    assertThat(decode(registry, "1", "{\"orderId\":\"o-1\",\"cents\":1250}")).hasToString(newest);
    assertThat(decode(registry, "1.0", "{\"orderId\":\"o-1\",\"cents\":1250}")).hasToString(newest);
    assertThat(decode(registry, "2.0", "{\"orderId\":\"o-1\",\"amount\":\"12.50\"}")).hasToString(newest);
    assertThat(decode(registry, "3.0", "{\"orderId\":\"o-1\",\"amount\":\"12.50\",\"currency\":\"USD\"}"))
        .hasToString(newest);
    assertThatThrownBy(() -> decode(registry, "4.0", "{\"orderId\":\"o-1\"}"))
        .isInstanceOf(UnknownEventVersionException.class)
        .hasMessageContaining("it reads majors 1, 2, 3 (versions 1.3, 2.1, 3.0)");

    // Older majors keep a descriptor outside the registry, for producers still writing them.
    Class<?> events = Class.forName("com.example.orders.OrdersEvents", true, loader);
    EventDescriptor<?> v1 = (EventDescriptor<?>) events.getField("ORDER_PLACED_V1").get(null);
    assertThat(v1.version()).isEqualTo("1.3");
    assertThat(v1.type().getName()).isEqualTo("com.example.orders.OrderPlacedV1");
  }

  @Test
  void handlersAndPublishersSeeOnlyTheNewestRecord() throws Exception {
    ClassLoader loader = TestCompiler.loader(good());
    Class<?> handler = Class.forName("com.example.orders.OrdersHandler", true, loader);
    List<String> methods = Arrays.stream(handler.getDeclaredMethods()).map(Method::toGenericString).toList();
    assertThat(methods).containsExactly("public abstract void com.example.orders.OrdersHandler.onOrderPlaced("
        + "farm.moonx.events.EventEnvelope<com.example.orders.OrderPlaced>,farm.moonx.events.Delivery)"
        + " throws java.lang.Exception");
    Class<?> publisher = Class.forName("com.example.orders.OrdersPublisher", true, loader);
    assertThat(Arrays.stream(publisher.getDeclaredMethods())
        .filter(m -> java.lang.reflect.Modifier.isPublic(m.getModifiers()) && !m.getName().equals("publishAll"))
        .map(m -> m.getName() + "(" + m.getParameterTypes()[0].getSimpleName() + ")").distinct())
        .containsExactly("orderPlaced(OrderPlaced)");
  }

  @Test
  void theCatalogListsEveryVersionOldestFirst() throws IOException {
    Compilation c = good();
    String json = c.generatedFile(StandardLocation.CLASS_OUTPUT, "", "META-INF/events/Orders.json").orElseThrow()
        .getCharContent(false).toString();
    assertThat(json).containsSubsequence(
        "\"version\": \"1.3\"", "\"upcastTo\": \"com.example.orders.OrderPlacedV2\"", "\"descriptor\": \"ORDER_PLACED_V1\"",
        "\"version\": \"2.1\"", "\"upcastTo\": \"com.example.orders.OrderPlaced\"", "\"descriptor\": \"ORDER_PLACED_V2\"",
        "\"version\": \"3.0\"", "\"descriptor\": \"ORDER_PLACED\"");
  }

  private static Compilation bad(String file) {
    return TestCompiler.compile(List.of(TestCompiler.source("versions/bad/" + file)));
  }

  private static JavaFileObject file(String name) {
    return TestCompiler.source("versions/bad/" + name);
  }

  @Test
  void aCycleIsReportedOnEveryRecordInIt() {
    Compilation c = bad("Shipped.java");
    assertThat(c).hadErrorContaining("[UpcastCycle] the upcasts of \"order.shipped\" loop (V2 2.0 -> V1 1.4 -> V2 2.0)"
            + " and never reach the newest version 3.0 (V3)")
        .inFile(file("Shipped.java")).onLineContaining("record V2(");
    assertThat(c).hadErrorContaining("[UpcastCycle] the upcasts of \"order.shipped\" loop (V1 1.4 -> V2 2.0 -> V1 1.4)")
        .inFile(file("Shipped.java")).onLineContaining("record V1(");
    assertThat(c).hadErrorCount(2);
  }

  @Test
  void aMissingOrWrongUpcastAndADuplicateMajorAreReported() {
    Compilation c = bad("Refunded.java");
    assertThat(c).hadErrorContaining("[UpcastMissing] V1 is version 1.1 of \"order.refunded\", but the newest is 2.0 (V2),"
            + " and handlers receive the newest: let it implement Upcast<V2>")
        .inFile(file("Refunded.java")).onLineContaining("version = \"1.1\"");
    assertThat(c).hadErrorContaining("[UpcastFromNewest] Cancelled is the newest version (2.0) of \"order.cancelled\""
            + " and must not implement Upcast")
        .inFile(file("Refunded.java")).onLineContaining("record Cancelled(");
    assertThat(c).hadErrorContaining("[UpcastTargetInvalid] CancelledV1 implements Upcast<java.lang.String>, which is"
            + " not a version of \"order.cancelled\"; upcast to one of its records: Cancelled (2.0)")
        .inFile(file("Refunded.java")).onLineContaining("record CancelledV1(");
    assertThat(c).hadErrorContaining("[EventTypeDuplicate] \"order.returned\" is already declared by"
            + " versions.bad.Refunded.ReturnedAgain in this compilation; every event name must be declared by exactly"
            + " one record per major version")
        .inFile(file("Refunded.java")).onLineContaining("\"order.returned\", version = \"1.0\"");
    assertThat(c).hadErrorCount(5);
  }

  @Test
  void everyVersionOfAnEventBelongsToOneCatalog() {
    JavaFileObject moved = com.google.testing.compile.JavaFileObjects.forSourceString("com.example.legacy.OrderPlacedV1",
        "package com.example.legacy;\n\nimport farm.moonx.events.annotations.*;\n\n"
            + "@EventType(value = \"order.placed\", version = \"1.3\")\n"
            + "public record OrderPlacedV1(String orderId, long cents) {}\n");
    List<JavaFileObject> files = new java.util.ArrayList<>(TestCompiler.sources("versions/good"));
    files.removeIf(f -> f.getName().endsWith("/OrderPlacedV1.java"));
    files.add(moved);
    Compilation c = TestCompiler.compile(files);
    assertThat(c).hadErrorContaining("[EventVersionPackage] version 1.3 of \"order.placed\" is declared in package"
            + " com.example.legacy, but version 3.0 in com.example.orders: every version of an event belongs to one"
            + " catalog; move OrderPlacedV1 to com.example.orders")
        .inFile(moved).onLineContaining("version = \"1.3\"");
  }
}
