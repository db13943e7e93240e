package farm.moonx.events.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/** The AsyncAPI document and the TypeScript declarations written beside each catalog. */
class AsyncApiAndTypeScriptTest {

  private static String resource(String path) throws IOException {
    try (InputStream in = AsyncApiAndTypeScriptTest.class.getClassLoader().getResourceAsStream(path)) {
      return new String(in.readAllBytes(), UTF_8);
    }
  }

  private static String generated(Compilation c, String path) throws IOException {
    return c.generatedFile(StandardLocation.CLASS_OUTPUT, "", path).orElseThrow().getCharContent(false).toString();
  }

  private static Compilation compile(String... dirs) {
    Compilation c = TestCompiler.compile(TestCompiler.sources(dirs));
    assertThat(c).succeeded();
    return c;
  }

  @Test
  void everyAsyncApiDocumentValidatesAgainstTheAsyncApi300Schema() throws IOException {
    Schema asyncApi = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
        .getSchema(resource("asyncapi/asyncapi-3.0.0.schema.json"));
    Compilation good = compile("good");
    Compilation versions = compile("versions/good");
    for (String document : new String[] {generated(good, "META-INF/events/Payments.asyncapi.json"),
        generated(good, "META-INF/events/Kitchen.asyncapi.json"),
        generated(versions, "META-INF/events/Orders.asyncapi.json")}) {
      assertThat(asyncApi.validate(document, InputFormat.JSON)).as(document).isEmpty();
    }
    String orders = generated(versions, "META-INF/events/Orders.asyncapi.json");
    assertThat(orders).contains("\"address\": \"orders.events\"", "\"order.placed-1.3\"", "\"order.placed-2.1\"",
        "\"order.placed-3.0\"", "\"location\": \"$message.payload#/metadata/correlationId\"",
        "\"description\": \"the partition key, data.orderId\"");
    // And a broken document is rejected, so the check above can fail.
    assertThat(asyncApi.validate(orders.replace("\"asyncapi\": \"3.0.0\"", "\"asyncapi\": \"3.0\""),
        InputFormat.JSON)).isNotEmpty();
    assertThat(asyncApi.validate(orders.replace("\"$message.payload#", "\"payload#"), InputFormat.JSON))
        .as("a correlation id location deep inside components is checked too").isNotEmpty();
  }

  @Test
  void typeScriptDeclarationsFollowTheServicesConventions() throws IOException {
    Compilation versions = compile("versions/good");
    assertThat(generated(versions, "META-INF/events/Orders.d.ts")).isEqualTo(resource("expected/Orders.d.ts"));
    String payments = generated(compile("good"), "META-INF/events/Payments.d.ts");
    assertThat(payments).contains(
        "import { EventEnvelope } from '@moonx-farm/infrastructure';",
        "export interface PaymentProcessedEventData {\n  paymentId: string;\n  userId: string;\n  amount: string;\n"
            + "  currency: string;\n  processedAt: number;\n}",
        "export type PaymentProcessedEvent = EventEnvelope<PaymentProcessedEventData>;",
        "export interface PaymentsEventTypes {\n  'payment.failed': PaymentFailedEventData;\n"
            + "  'payment.processed': PaymentProcessedEventData;\n}");
  }
}
