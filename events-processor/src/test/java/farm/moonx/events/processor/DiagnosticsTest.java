package farm.moonx.events.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.util.Arrays;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Every message id, on its file and line. */
class DiagnosticsTest {

  private static Compilation compile(String... files) {
    return TestCompiler.compile(Arrays.stream(files).map(f -> TestCompiler.source("bad/" + f)).toList());
  }

  private static JavaFileObject file(String name) {
    return TestCompiler.source("bad/" + name);
  }

  @Test
  void eventTypeOnAClass() {
    Compilation c = compile("NotRecord.java");
    assertThat(c).hadErrorContaining("[EventTypeNotRecord] @EventType must be on a record, but NotRecord is a class")
        .inFile(file("NotRecord.java")).onLineContaining("@EventType(\"order.placed\")");
  }

  @Test
  void malformedEventNamesPointAtTheLiteral() {
    Compilation c = compile("BadNames.java");
    assertThat(c).hadErrorContaining("[EventTypeNameInvalid] \"userReg\" is not a valid event name")
        .inFile(file("BadNames.java")).onLineContaining("\"userReg\"");
    assertThat(c).hadErrorContaining("did you mean \"user.reg\"?")
        .inFile(file("BadNames.java")).onLineContaining("\"userReg\"");
    assertThat(c).hadErrorContaining("[EventTypeNameInvalid] \"Payment.Done\" is not a valid event name")
        .inFile(file("BadNames.java")).onLineContaining("\"Payment.Done\"");
    assertThat(c).hadErrorContaining("[EventTypeNameInvalid] \"payment.\" is not a valid event name")
        .inFile(file("BadNames.java")).onLineContaining("\"payment.\"");
    assertThat(c).hadErrorCount(3);
  }

  @Test
  void malformedVersion() {
    Compilation c = compile("BadVersion.java");
    assertThat(c).hadErrorContaining("[EventTypeVersionInvalid] \"v1\" is not a valid event version")
        .inFile(file("BadVersion.java")).onLineContaining("version = \"v1\"");
  }

  @Test
  void versionsFollowTheRuntimesRule() {
    // One grammar (events-annotations' EventNames) for processor and runtime: major.minor with
    // an optional patch, no leading zeros.
    Compilation c = compile("Versions.java");
    assertThat(c).hadErrorContaining("[EventTypeVersionInvalid] \"1.02\" is not a valid event version")
        .inFile(file("Versions.java")).onLineContaining("version = \"1.02\"");
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void duplicateNamesAreReportedOnBothRecords() {
    Compilation c = compile("FirstPlaced.java", "SecondPlaced.java");
    assertThat(c).hadErrorContaining(
            "[EventTypeDuplicate] \"order.placed\" is already declared by bad.SecondPlaced in this compilation")
        .inFile(file("FirstPlaced.java")).onLineContaining("@EventType(\"order.placed\")");
    assertThat(c).hadErrorContaining(
            "[EventTypeDuplicate] \"order.placed\" is already declared by bad.FirstPlaced in this compilation")
        .inFile(file("SecondPlaced.java")).onLineContaining("@EventType(\"order.placed\")");
  }

  @Test
  void packagePrivateRecord() {
    Compilation c = compile("Hidden.java");
    assertThat(c).hadErrorContaining("[EventTypeNotAccessible] Hidden cannot be an event: it is not public")
        .inFile(file("Hidden.java")).onLineContaining("record Hidden");
  }

  @Test
  void genericRecord() {
    Compilation c = compile("Generic.java");
    assertThat(c).hadErrorContaining("[EventTypeGeneric] Generic cannot be an event: it has type parameters")
        .inFile(file("Generic.java")).onLineContaining("record Generic<T>");
  }

  @Test
  void unsupportedComponentTypesNameTheComponentAndTheSupportedTypes() {
    Compilation c = compile("Unsupported.java");
    assertThat(c).hadErrorContaining("[ComponentTypeUnsupported] component anything has type java.lang.Object")
        .inFile(file("Unsupported.java")).onLineContaining("Object anything");
    assertThat(c).hadErrorContaining("map keys must be String")
        .inFile(file("Unsupported.java")).onLineContaining("byNumber");
    assertThat(c).hadErrorContaining("Supported: String, primitives and their boxes, BigDecimal");
    assertThat(c).hadErrorCount(2);
  }

  @Test
  void componentTypeTheCodecCannotAccess() {
    Compilation c = compile("Secretive.java");
    assertThat(c).hadErrorContaining(
            "[ComponentTypeNotAccessible] component level has type bad.Secretive.Level, which the generated codec")
        .inFile(file("Secretive.java")).onLineContaining("Level level");
  }

  @Test
  void twoPartitionKeys() {
    Compilation c = compile("TwoKeys.java");
    assertThat(c).hadErrorContaining(
            "[PartitionKeyDuplicate] TwoKeys has more than one @PartitionKey component (orderId, customerId)")
        .inFile(file("TwoKeys.java")).onLineContaining("@PartitionKey String customerId");
  }

  @Test
  void partitionKeyOfAnUnsupportedType() {
    Compilation c = compile("ListKey.java");
    assertThat(c).hadErrorContaining("[PartitionKeyUnsupported] @PartitionKey component orderIds has type")
        .inFile(file("ListKey.java")).onLineContaining("List<String> orderIds");
  }

  @Test
  void mutableComponentsWarnUnlessSuppressed() {
    Compilation c = compile("Mutable.java");
    assertThat(c).succeeded();
    assertThat(c).hadWarningContaining("[ComponentMutable] component placedAt has mutable type java.util.Date")
        .inFile(file("Mutable.java")).onLineContaining("Date placedAt");
    assertThat(c).hadWarningCount(1);
  }

  @Test
  void unresolvableComponentType() {
    Compilation c = compile("Unresolved.java");
    assertThat(c).hadErrorContaining("[TypeUnresolved] component mystery has type NoSuchType")
        .inFile(file("Unresolved.java")).onLineContaining("NoSuchType mystery");
  }

  @Test
  void anUnresolvedRecordBlocksOnlyItsOwnCatalogAndItsConsumers() {
    List<JavaFileObject> sources = List.of(file("Unresolved.java"), file("UsesUnresolved.java"),
        file("UsesPayments.java"), file("UsesBilling.java"), TestCompiler.source("consumer/Billing.java"),
        TestCompiler.source("good/com/example/payments/package-info.java"),
        TestCompiler.source("good/com/example/payments/PaymentFailed.java"),
        TestCompiler.source("good/com/example/payments/PaymentProcessed.java"));
    Compilation c = TestCompiler.compile(sources);
    // Ours and javac's own "cannot find symbol NoSuchType", both on the bad component; no
    // "cannot find symbol" in UsesPayments and UsesBilling (the unaffected catalog and consumer
    // were generated), no unknown event in the consumer waiting for the bad record.
    assertThat(c).hadErrorContaining("[TypeUnresolved] component mystery has type NoSuchType")
        .inFile(file("Unresolved.java")).onLineContaining("NoSuchType mystery");
    assertThat(c).hadErrorContaining("cannot find symbol")
        .inFile(file("Unresolved.java")).onLineContaining("NoSuchType mystery");
    assertThat(c).hadErrorCount(2);
    // Neither the bad record's catalog (it would lack a handler method) nor the consumer of it.
    org.assertj.core.api.Assertions.assertThat(TestCompiler.generatedSourcesEvenOnFailure(sources))
        .contains("com/example/payments/PaymentsEvents.java", "com/example/billing/BillingHandler.java")
        .noneMatch(p -> p.startsWith("bad/"));
  }

  @Test
  void catalogNameMustPrefixClassNames() {
    Compilation c = compile("catalogname/package-info.java", "catalogname/Placed.java");
    assertThat(c).hadErrorContaining("[CatalogNameInvalid] \"orders\" is not a valid catalog name")
        .inFile(file("catalogname/package-info.java")).onLineContaining("name = \"orders\"");
  }

  @Test
  void twoCatalogsInOnePackage() {
    Compilation c = compile("catalogdup/package-info.java", "catalogdup/Placed.java");
    assertThat(c).hadErrorContaining("[CatalogDuplicate] package catalogdup already has @EventCatalog")
        .inFile(file("catalogdup/Placed.java")).onLineContaining("@EventCatalog(name = \"Shipping\")");
  }

  @Test
  void consumerDiagnosticsPointAtTheirStringLiterals() {
    Compilation c = compile("FirstPlaced.java", "Consumers.java");
    JavaFileObject consumers = file("Consumers.java");
    assertThat(c).hadErrorContaining("[ConsumerNameInvalid] \"billing-service\" is not a valid consumer name")
        .inFile(consumers).onLineContaining("\"billing-service\"");
    assertThat(c).hadErrorContaining(
            "[ConsumerEventUnknown] no visible catalog declares event \"order.plcaed\"; did you mean \"order.placed\"?")
        .inFile(consumers).onLineContaining("\"order.plcaed\"");
    assertThat(c).hadErrorContaining("[ConsumerPrefixUnmatched] \"refund.*\" matches no visible event; visible: order.*")
        .inFile(consumers).onLineContaining("\"refund.*\"");
    assertThat(c).hadErrorContaining("[ConsumerSelectorInvalid] \"order*\" is neither an event name")
        .inFile(consumers).onLineContaining("\"order*\"");
  }

  @Test
  void twoConsumersWithOneNameGetTheirOwnDiagnostic() {
    Compilation c = compile("FirstPlaced.java", "Consumers.java");
    assertThat(c).hadErrorContaining("[ConsumerDuplicate] \"Twice\" is already the name of the @EventConsumer on "
            + "bad.Consumers.Twice; the name prefixes the generated TwiceHandler and TwiceDispatcher")
        .inFile(file("Consumers.java")).onLine(27); // the second @EventConsumer(name = "Twice")
    org.junit.jupiter.api.Assertions.assertTrue(
        c.errors().stream().noneMatch(d -> d.getMessage(null).contains("ProcessorFailure")), "no ProcessorFailure");
  }

  @Test
  void aTypeNamedLikeAGeneratedClassGetsItsOwnDiagnostic() {
    Compilation c = compile("nameclash/package-info.java", "nameclash/Placed.java", "nameclash/OrdersPublisher.java",
        "nameclash/UsesPlaced.java");
    assertThat(c).hadErrorContaining("[GeneratedTypeTaken] catalog \"Orders\" generates class nameclash.OrdersPublisher,"
            + " but this compilation already declares a type of that name; rename that type, or give the catalog"
            + " another name")
        .inFile(file("nameclash/package-info.java")).onLineContaining("name = \"Orders\"");
    // The consumer selecting the catalog's event adds no "unknown event" on top.
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void aConsumerNamedLikeItsOwnCatalogGetsItsOwnDiagnostic() {
    Compilation c = compile("selfconsumer/package-info.java", "selfconsumer/Placed.java");
    for (String type : List.of("OrdersHandler", "OrdersDispatcher")) {
      assertThat(c).hadErrorContaining("[GeneratedTypeTaken] @EventConsumer \"Orders\" generates class selfconsumer."
              + type + ", but catalog \"Orders\" generates it too; give the consumer another name")
          .inFile(file("selfconsumer/package-info.java")).onLineContaining("@EventConsumer(name = \"Orders\"");
    }
    assertThat(c).hadErrorCount(2);
  }

  @Test
  void aDuplicateEventNameAddsNoUnknownEventToItsConsumers() {
    Compilation c = compile("FirstPlaced.java", "SecondPlaced.java", "UsesPlaced.java");
    assertThat(c).hadErrorContaining("[EventTypeDuplicate]").inFile(file("FirstPlaced.java"));
    assertThat(c).hadErrorContaining("[EventTypeDuplicate]").inFile(file("SecondPlaced.java"));
    assertThat(c).hadErrorCount(2);
  }

  @Test
  void oneBadRecordDoesNotStopTheOthers() {
    Compilation c = TestCompiler.compile(List.of(file("Unsupported.java"), file("BadVersion.java"),
        file("UsesPayments.java"), TestCompiler.source("good/com/example/payments/PaymentFailed.java")));
    // Only the three errors of the bad records: UsesPayments found the good record's classes.
    assertThat(c).hadErrorCount(3);
  }
}
