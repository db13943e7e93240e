package farm.moonx.events.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import farm.moonx.events.EventDescriptor;
import farm.moonx.events.EventEnvelope;
import farm.moonx.events.EventMetadata;
import farm.moonx.events.EventRegistry;
import farm.moonx.events.spi.EventDispatcher;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two modules: the Payments catalog compiled into a jar, then a consumer compilation with that
 * jar on its class path. The consumer's processor finds the catalog through its generated
 * marker (portable javax.lang.model only), checks names against it, and generates a dispatcher
 * over the jar's descriptors.
 */
class CrossModuleTest {
  @TempDir
  static Path temp;
  private static File eventsJar;

  @BeforeAll
  static void buildTheEventsJar() throws IOException {
    Compilation events = TestCompiler.compile(TestCompiler.sources("good/com/example/payments"));
    assertThat(events).succeededWithoutWarnings();
    Path classes = TestCompiler.writeClassOutput(events, Files.createDirectory(temp.resolve("events-classes")));
    eventsJar = temp.resolve("payments-events.jar").toFile();
    try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(eventsJar.toPath()));
         Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        jar.putNextEntry(new JarEntry(classes.relativize(file).toString().replace(File.separatorChar, '/')));
        Files.copy(file, jar);
        jar.closeEntry();
      }
    }
  }

  @Test
  void consumerSelectsEventsFromTheJarAndRoutesThem() throws Exception {
    Compilation consumer = TestCompiler.compile(
        List.of(TestCompiler.source("consumer/Billing.java")), List.of(eventsJar));
    assertThat(consumer).succeededWithoutWarnings();
    assertThat(consumer).generatedSourceFile("com.example.billing.BillingHandler")
        .contentsAsUtf8String().contains("void onPaymentFailed(EventEnvelope<PaymentFailed> event");
    Path classes = TestCompiler.writeClassOutput(consumer, Files.createDirectory(temp.resolve("consumer-classes")));
    try (URLClassLoader loader = new URLClassLoader(
        new URL[] {classes.toUri().toURL(), eventsJar.toURI().toURL()}, getClass().getClassLoader())) {
      Class<?> handlerType = loader.loadClass("com.example.billing.BillingHandler");
      List<String> calls = new ArrayList<>();
      Object handler = java.lang.reflect.Proxy.newProxyInstance(loader, new Class<?>[] {handlerType},
          (proxy, method, args) -> calls.add(method.getName()) ? null : null);
      EventDispatcher dispatcher = (EventDispatcher) loader.loadClass("com.example.billing.BillingDispatcher")
          .getConstructors()[0].newInstance(handler);
      org.assertj.core.api.Assertions.assertThat(dispatcher.registry().descriptors())
          .extracting(EventDescriptor::name).containsExactly("payment.failed", "payment.processed");
      Object failed = loader.loadClass("com.example.payments.PaymentFailed").getConstructors()[0]
          .newInstance(1L, "p", java.util.Optional.empty(), 1);
      EventEnvelope<Object> envelope =
          new EventEnvelope<>(EventMetadata.builder().eventType("payment.failed").build(), failed);
      org.assertj.core.api.Assertions.assertThat(dispatcher.dispatch(envelope, null)).isTrue();
      org.assertj.core.api.Assertions.assertThat(calls).containsExactly("onPaymentFailed");
    }
  }

  @Test
  void consumerOnAPackageWithoutSelectorsTakesEveryVisibleEvent() {
    Compilation consumer = TestCompiler.compile(
        List.of(TestCompiler.source("consumer/audit/package-info.java")), List.of(eventsJar));
    assertThat(consumer).succeededWithoutWarnings();
    assertThat(consumer).generatedSourceFile("com.example.audit.AuditDispatcher").contentsAsUtf8String()
        .contains("EventRegistry.of(PaymentsEvents.PAYMENT_FAILED, PaymentsEvents.PAYMENT_PROCESSED)");
  }

  @Test
  void misspelledNameFromTheJarGetsASuggestionOnItsLiteral() {
    Compilation consumer = TestCompiler.compile(
        List.of(TestCompiler.source("consumer/Misspelled.java")), List.of(eventsJar));
    assertThat(consumer).hadErrorContaining(
            "[ConsumerEventUnknown] no visible catalog declares event \"payment.proccessed\"; did you mean \"payment.processed\"?")
        .inFile(TestCompiler.source("consumer/Misspelled.java"))
        .onLineContaining("\"payment.proccessed\"");
  }

  @Test
  void withoutTheJarNothingIsVisible() {
    Compilation consumer = TestCompiler.compile(List.of(TestCompiler.source("consumer/Billing.java")));
    assertThat(consumer).hadErrorContaining("no catalog is visible");
  }

  @Test
  void duplicateOfAnEventInTheJarNamesBoth() {
    Compilation consumer = TestCompiler.compile(
        List.of(TestCompiler.source("consumer/LocalDuplicate.java")), List.of(eventsJar));
    assertThat(consumer).hadErrorContaining("[EventTypeDuplicate] \"payment.processed\" is already declared by "
            + "com.example.payments.PaymentProcessed (catalog Payments on the class path)")
        .inFile(TestCompiler.source("consumer/LocalDuplicate.java"))
        .onLineContaining("@EventType(\"payment.processed\")");
  }

  @Test
  void aConsumerOfAVersionedCatalogJarBuiltAgainstAnOlderBaselineCompilesAndGetsTheNewestRecord() throws Exception {
    // The jar's catalog went through two new majors since its consumer was written; the jar was
    // checked against its own baseline when it was built. The consumer needs none of that.
    Path baseline = Files.createDirectory(temp.resolve("orders-baseline"));
    Compilation orders = com.google.testing.compile.Compiler.javac().withProcessors(new EventProcessor())
        .withOptions("-Amoonx.events.baseline=" + baseline, "-Amoonx.events.baseline.write=true")
        .compile(TestCompiler.sources("versions/good"));
    assertThat(orders).succeeded();
    Path classes = TestCompiler.writeClassOutput(orders, Files.createDirectory(temp.resolve("orders-classes")));
    Compilation consumer = com.google.testing.compile.Compiler.javac().withProcessors(new EventProcessor())
        .withOptions("-Amoonx.events.baseline=" + baseline)
        .withClasspath(classPath(classes.toFile()))
        .compile(com.google.testing.compile.JavaFileObjects.forSourceString("com.example.shipping.Shipping",
            "package com.example.shipping;\n@farm.moonx.events.annotations.EventConsumer(name = \"Shipping\","
                + " events = {\"order.placed\"})\nfinal class Shipping {}\n"));
    assertThat(consumer).succeededWithoutWarnings();
    assertThat(consumer).generatedSourceFile("com.example.shipping.ShippingHandler").contentsAsUtf8String()
        .contains("void onOrderPlaced(EventEnvelope<OrderPlaced> event, Delivery delivery)");
  }

  private static List<File> classPath(File extra) {
    List<File> all = new ArrayList<>(List.of(extra));
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      all.add(new File(entry));
    }
    return all;
  }
}
