package farm.moonx.events.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import farm.moonx.events.EventDescriptor;
import farm.moonx.events.EventEnvelope;
import farm.moonx.events.EventMetadata;
import farm.moonx.events.internal.Redaction;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code @Sensitive} components become the descriptor's sensitive fields, which drive redaction. */
class SensitiveFieldsTest {

  @Test
  void sensitiveComponentsAreListedOnTheGeneratedDescriptorAndRedacted() throws Exception {
    Compilation compilation = TestCompiler.compile(List.of(
        JavaFileObjects.forSourceLines("com.example.cards.CardAdded",
            "package com.example.cards;",
            "import farm.moonx.events.annotations.*;",
            "@EventCatalog(name = \"Cards\")",
            "@EventType(\"card.added\")",
            "public record CardAdded(@PartitionKey String userId, @Sensitive String cardNumber,",
            "    @Sensitive String cvc, String brand) {}")));
    assertThat(compilation).succeeded();
    ClassLoader loader = TestCompiler.loader(compilation);
    Class<?> record = Class.forName("com.example.cards.CardAdded", true, loader);
    @SuppressWarnings("unchecked")
    EventDescriptor<Object> descriptor = (EventDescriptor<Object>)
        Class.forName("com.example.cards.CardsEvents", true, loader).getField("CARD_ADDED").get(null);

    assertThat(descriptor.sensitiveFields()).containsExactlyInAnyOrder("cardNumber", "cvc");

    Object card = record.getConstructors()[0].newInstance("u-1", "4111111111111111", "123", "visa");
    String shown = Redaction.json(new EventEnvelope<>(EventMetadata.builder().eventId("e-1")
        .eventType("card.added").eventVersion("1.0").correlationId("c-1").source("cards").timestamp(1L).build(),
        card), descriptor);
    assertThat(shown).contains("\"brand\" : \"visa\"", "\"cardNumber\" : \"<redacted>\"", "\"cvc\" : \"<redacted>\"")
        .doesNotContain("4111111111111111").doesNotContain("\"123\"");
  }
}
