package farm.moonx.events.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.CompilationSubject;
import com.google.testing.compile.JavaFileObjects;
import farm.moonx.events.BatchPublishResult;
import farm.moonx.events.Delivery;
import farm.moonx.events.EventDescriptor;
import farm.moonx.events.EventEnvelope;
import farm.moonx.events.EventMetadata;
import farm.moonx.events.EventPublisher;
import farm.moonx.events.EventRegistry;
import farm.moonx.events.OutgoingEvent;
import farm.moonx.events.PublishOptions;
import farm.moonx.events.PublishResult;
import farm.moonx.events.annotations.DataClassification;
import farm.moonx.events.spi.EventDispatcher;
import farm.moonx.events.spi.RecordCodec;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The generated registry, dispatchers and publisher, run against the real runtime contract. */
class RuntimeContractTest {
  private final GeneratedCode code = GeneratedCode.good();
  private final Class<?> processed = code.type("com.example.payments.PaymentProcessed");
  private final Class<?> failed = code.type("com.example.payments.PaymentFailed");
  private final Delivery context = new Delivery("payments.events", 0, 42L, 0L, "billing", 1, Map.of());

  private Object processed(String amount) throws Exception {
    return processed.getConstructors()[0].newInstance(
        "p-1", "u-1", amount == null ? null : new BigDecimal(amount), "USD", Instant.ofEpochMilli(1));
  }

  private Object failed() throws Exception {
    return failed.getConstructors()[0].newInstance(7L, "p-2", Optional.of("declined"), 3);
  }

  private static EventEnvelope<Object> envelope(String type, Object data) {
    return new EventEnvelope<>(EventMetadata.builder().eventId("e-1").eventType(type).build(), data);
  }

  private EventDescriptor<?> descriptor(String registry, String constant) throws Exception {
    return (EventDescriptor<?>) code.type(registry).getField(constant).get(null);
  }

  @Test
  void registryDescribesEveryEventAndIsFoundByServiceLoader() throws Exception {
    EventRegistry loaded = EventRegistry.load(processed.getClassLoader());
    assertThat(loaded.descriptors()).extracting(EventDescriptor::name)
        .containsExactlyInAnyOrder("payment.failed", "payment.processed", "kitchen.awkward", "kitchen.everything");
    EventDescriptor<?> d = descriptor("com.example.payments.PaymentsEvents", "PAYMENT_PROCESSED");
    assertThat(loaded.find("payment.processed").orElseThrow()).isSameAs(d);
    assertThat((Object) loaded.find(processed).orElseThrow()).isSameAs(d);
    assertThat(d.version()).isEqualTo("1.2");
    assertThat(d.topic()).isEqualTo("payments.events");
    assertThat(d.classification()).isEqualTo(DataClassification.CONFIDENTIAL);
    assertThat(d.codec()).isInstanceOf(RecordCodec.class);
    assertThat(((RecordCodec<?>) d.codec()).fields())
        .hasToString("JsonFields[paymentId, userId, amount, currency, processedAt]");
  }

  @Test
  @SuppressWarnings("unchecked")
  void partitionKeysAndValidators() throws Exception {
    EventDescriptor<Object> processedType =
        (EventDescriptor<Object>) descriptor("com.example.payments.PaymentsEvents", "PAYMENT_PROCESSED");
    EventDescriptor<Object> failedType =
        (EventDescriptor<Object>) descriptor("com.example.payments.PaymentsEvents", "PAYMENT_FAILED");
    assertThat(processedType.partitionKey(processed("1"))).isEqualTo("u-1");
    assertThat(failedType.partitionKey(failed())).isEqualTo("7");
    assertThat(processedType.validateData(processed("1"))).isEmpty();
    assertThat(processedType.validateData(processed(null))).containsExactly("data.amount: is required");
    Object nullOptional = failed.getConstructors()[0].newInstance(7L, null, null, 3);
    assertThat(failedType.validateData(nullOptional)).containsExactly(
        "data.paymentId: is required", "data.reason: is required (use Optional.empty(), not null)");
  }

  @Test
  void dispatcherRoutesByEventTypeAndReportsOthersAsUnhandled() throws Exception {
    List<String> calls = new ArrayList<>();
    Object handler = recordingHandler("com.example.payments.PaymentsHandler", calls);
    EventDispatcher dispatcher = (EventDispatcher) code.type("com.example.payments.PaymentsDispatcher")
        .getConstructors()[0].newInstance(handler);
    Object data = processed("12.50");
    assertThat(dispatcher.dispatch(envelope("payment.processed", data), context)).isTrue();
    assertThat(dispatcher.dispatch(envelope("payment.failed", failed()), context)).isTrue();
    assertThat(dispatcher.dispatch(envelope("user.registered", data), context)).isFalse();
    assertThat(calls).containsExactly(
        "onPaymentProcessed:payment.processed:" + data + ":42", "onPaymentFailed:payment.failed:" + failed() + ":42");
    assertThat(dispatcher.handles("payment.failed")).isTrue();
    assertThat(dispatcher.handles("user.registered")).isFalse();
    assertThatThrownBy(() -> dispatcher.dispatch(envelope("payment.failed", data), context))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("event \"payment.failed\" carries com.example.payments.PaymentFailed");
  }

  @Test
  void consumerDispatcherCoversItsSelectionAcrossCatalogs() throws Exception {
    List<String> calls = new ArrayList<>();
    EventDispatcher billing = (EventDispatcher) code.type("com.example.billing.BillingDispatcher")
        .getConstructors()[0].newInstance(recordingHandler("com.example.billing.BillingHandler", calls));
    assertThat(billing.registry().descriptors()).extracting(EventDescriptor::name)
        .containsExactly("kitchen.awkward", "kitchen.everything", "payment.processed");
    assertThat(billing.dispatch(envelope("payment.failed", failed()), context)).isFalse();
    assertThat(billing.dispatch(envelope("payment.processed", processed("1")), context)).isTrue();
    assertThat(calls).hasSize(1).first().asString().startsWith("onPaymentProcessed:");
  }

  @Test
  void publisherMapsEachRecordToItsDescriptor() throws Exception {
    RecordingPublisher sink = new RecordingPublisher();
    Class<?> publisherType = code.type("com.example.payments.PaymentsPublisher");
    Object publisher = publisherType.getConstructors()[0].newInstance(sink);
    PublishOptions options = PublishOptions.builder().userId("u-9").build();
    publisherType.getMethod("paymentProcessed", processed).invoke(publisher, processed("1"));
    publisherType.getMethod("paymentFailed", failed, PublishOptions.class).invoke(publisher, failed(), options);
    assertThat(sink.sent).extracting(e -> e.descriptor().name()).containsExactly("payment.processed", "payment.failed");
    assertThat(sink.sent.get(0).options()).isSameAs(PublishOptions.none());
    assertThat(sink.sent.get(1).options()).isSameAs(options);

    sink.sent.clear();
    publisherType.getMethod("publishAll", java.util.Collection.class).invoke(publisher, List.of(failed(), processed("2")));
    assertThat(sink.batches).hasSize(1);
    assertThat(sink.batches.get(0)).extracting(e -> e.descriptor().name()).containsExactly("payment.failed", "payment.processed");
    assertThatThrownBy(() -> publisherType.getMethod("publishAll", java.util.Collection.class)
            .invoke(publisher, List.of(processed("3"), "not an event")))
        .isInstanceOf(InvocationTargetException.class)
        .cause().isInstanceOf(IllegalArgumentException.class)
        .hasMessage("catalog Payments has no event for java.lang.String; its records are "
            + "com.example.payments.PaymentFailed, com.example.payments.PaymentProcessed");
  }

  @Test
  void eventNamesSpelledAlikeGetNumberedPublisherAndHandlerMethods() throws Exception {
    Compilation c = TestCompiler.compile(List.of(
        JavaFileObjects.forSourceString("com.example.gifts.package-info",
            "@farm.moonx.events.annotations.EventCatalog(name = \"Gifts\")\npackage com.example.gifts;\n"),
        JavaFileObjects.forSourceString("com.example.gifts.CardDash",
            "package com.example.gifts;\n@farm.moonx.events.annotations.EventType(\"gift.card-sent\")\n"
                + "public record CardDash(String id) {}\n"),
        JavaFileObjects.forSourceString("com.example.gifts.CardUnderscore",
            "package com.example.gifts;\n@farm.moonx.events.annotations.EventType(\"gift.card_sent\")\n"
                + "public record CardUnderscore(String id) {}\n")));
    CompilationSubject.assertThat(c).succeededWithoutWarnings();
    ClassLoader loader = TestCompiler.loader(c);
    Class<?> dash = loader.loadClass("com.example.gifts.CardDash");
    Class<?> underscore = loader.loadClass("com.example.gifts.CardUnderscore");
    Class<?> publisherType = loader.loadClass("com.example.gifts.GiftsPublisher");
    RecordingPublisher sink = new RecordingPublisher();
    Object publisher = publisherType.getConstructors()[0].newInstance(sink);
    // In name order, as the handler's methods: gift.card-sent first.
    publisherType.getMethod("giftCardSent", dash).invoke(publisher, dash.getConstructors()[0].newInstance("a"));
    publisherType.getMethod("giftCardSent2", underscore, PublishOptions.class)
        .invoke(publisher, underscore.getConstructors()[0].newInstance("b"), PublishOptions.none());
    assertThat(sink.sent).extracting(e -> e.descriptor().name()).containsExactly("gift.card-sent", "gift.card_sent");
    Class<?> handler = loader.loadClass("com.example.gifts.GiftsHandler");
    assertThat(Arrays.stream(handler.getDeclaredMethods()).map(Method::getName))
        .containsExactlyInAnyOrder("onGiftCardSent", "onGiftCardSent2");
  }

  private Object recordingHandler(String type, List<String> calls) {
    Class<?> handlerType = code.type(type);
    return Proxy.newProxyInstance(handlerType.getClassLoader(), new Class<?>[] {handlerType}, (proxy, method, args) -> {
      EventEnvelope<?> event = (EventEnvelope<?>) args[0];
      calls.add(method.getName() + ":" + event.eventType() + ":" + event.data() + ":" + ((Delivery) args[1]).offset());
      return null;
    });
  }

  /** An EventPublisher that records what it is asked to send. */
  private static final class RecordingPublisher implements EventPublisher {
    final List<OutgoingEvent<?>> sent = new ArrayList<>();
    final List<List<? extends OutgoingEvent<?>>> batches = new ArrayList<>();

    @Override
    public <T> CompletableFuture<PublishResult> publish(EventDescriptor<T> descriptor, T data, PublishOptions options) {
      sent.add(OutgoingEvent.of(descriptor, data, options));
      return CompletableFuture.completedFuture(new PublishResult(descriptor.topic(), 0, sent.size(), "e", 0L));
    }

    @Override
    public BatchPublishResult publishBatch(List<? extends OutgoingEvent<?>> events) {
      batches.add(List.copyOf(events));
      return BatchPublishResult.of(List.of());
    }

    @Override
    public void close(Duration timeout) {}
  }
}
