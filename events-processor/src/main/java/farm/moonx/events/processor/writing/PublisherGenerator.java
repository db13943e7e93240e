package farm.moonx.events.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import com.palantir.javapoet.WildcardTypeName;
import farm.moonx.events.processor.model.KnownEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * {@code PaymentsPublisher}: typed publishing over the runtime's {@code EventPublisher}, a
 * method named after each event ({@code paymentProcessed(PaymentProcessed)}, as its handler
 * method is {@code onPaymentProcessed}) with an overload taking {@code PublishOptions}, and
 * {@code publishAll} for batches of mixed records.
 *
 * <p>A name per event, not one overloaded {@code publish}: javac checks every overload of a name
 * against every other, so 200 {@code publish} overloads in a catalog of 100 events took it longer
 * than the rest of the publisher, and each call site of the facade picked among them all.
 */
public final class PublisherGenerator {
  private PublisherGenerator() {}

  /** The publisher of catalog {@code catalog} over {@code events}. */
  public static TypeSpec generate(String packageName, String catalog, List<KnownEvent> events) {
    ClassName publisher = GeneratedNames.publisher(packageName, catalog);
    ClassName result = GeneratedNames.PUBLISH_RESULT;
    TypeName future = ParameterizedTypeName.get(ClassName.get(CompletableFuture.class), result);
    TypeSpec.Builder spec = TypeSpec.classBuilder(publisher)
        .addJavadoc("Publishes the events of catalog {@code $L} with their descriptors.\n", catalog)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addField(FieldSpec.builder(GeneratedNames.EVENT_REGISTRY, "EVENTS", Modifier.PRIVATE, Modifier.STATIC,
                Modifier.FINAL)
            .initializer("new $T()", GeneratedNames.registry(packageName, catalog))
            .build())
        .addField(FieldSpec.builder(GeneratedNames.EVENT_PUBLISHER, "publisher", Modifier.PRIVATE, Modifier.FINAL)
            .build())
        .addMethod(MethodSpec.constructorBuilder()
            .addJavadoc("Publishes through {@code publisher}.\n")
            .addModifiers(Modifier.PUBLIC)
            .addParameter(GeneratedNames.EVENT_PUBLISHER, "publisher")
            .addStatement("this.publisher = $T.requireNonNull(publisher, $S)", Objects.class, "publisher")
            .build());
    Map<String, String> methods = GeneratedNames.publisherMethods(events.stream().map(KnownEvent::name).toList());
    for (KnownEvent event : events) {
      ClassName record = GeneratedNames.className(event.record());
      String method = methods.get(event.name());
      spec.addMethod(MethodSpec.methodBuilder(method)
          .addJavadoc("Publishes {@code $L}; completes when the broker has acknowledged it.\n", event.name())
          .addModifiers(Modifier.PUBLIC)
          .returns(future)
          .addParameter(record, "event")
          .addStatement("return publisher.publish($L, event, $T.none())", GeneratedNames.descriptor(event),
              GeneratedNames.PUBLISH_OPTIONS)
          .build());
      spec.addMethod(MethodSpec.methodBuilder(method)
          .addJavadoc("Publishes {@code $L} with {@code options}.\n", event.name())
          .addModifiers(Modifier.PUBLIC)
          .returns(future)
          .addParameter(record, "event")
          .addParameter(GeneratedNames.PUBLISH_OPTIONS, "options")
          .addStatement("return publisher.publish($L, event, options)", GeneratedNames.descriptor(event))
          .build());
    }
    TypeName anyCollection = ParameterizedTypeName.get(ClassName.get(Collection.class), WildcardTypeName.subtypeOf(Object.class));
    spec.addMethod(MethodSpec.methodBuilder("publishAll")
        .addJavadoc("Publishes every record of {@code events}, each as its event type; nothing is sent if one is invalid.\n\n")
        .addJavadoc("@throws IllegalArgumentException if an element is not one of this catalog's records\n")
        .addModifiers(Modifier.PUBLIC)
        .returns(GeneratedNames.BATCH_PUBLISH_RESULT)
        .addParameter(anyCollection, "events")
        .addStatement("return publishAll(events, $T.none())", GeneratedNames.PUBLISH_OPTIONS)
        .build());
    ParameterizedTypeName outgoing =
        ParameterizedTypeName.get(GeneratedNames.OUTGOING_EVENT, WildcardTypeName.subtypeOf(Object.class));
    spec.addMethod(MethodSpec.methodBuilder("publishAll")
        .addJavadoc("Publishes every record of {@code events} with the same {@code options}.\n\n")
        .addJavadoc("@throws IllegalArgumentException if an element is not one of this catalog's records\n")
        .addModifiers(Modifier.PUBLIC)
        .returns(GeneratedNames.BATCH_PUBLISH_RESULT)
        .addParameter(anyCollection, "events")
        .addParameter(GeneratedNames.PUBLISH_OPTIONS, "options")
        .addStatement("$T<$T> batch = new $T<>(events.size())", List.class, outgoing, ArrayList.class)
        .beginControlFlow("for ($T event : events)", Object.class)
        // null has no class: Void, which no catalog event is, has the lookup fail naming it null.
        .addStatement("$T<?> type = event == null ? $T.class : event.getClass()", Class.class, Void.class)
        .addStatement("batch.add(outgoing(type, event, options))")
        .endControlFlow()
        .addStatement("return publisher.publishBatch(batch)")
        .build());
    spec.addMethod(outgoing(catalog, events));
    return spec.build();
  }

  /** The batch element {@code event} as its catalog event, found by its record class in the registry. */
  private static MethodSpec outgoing(String catalog, List<KnownEvent> events) {
    TypeVariableName t = TypeVariableName.get("T");
    String records = events.stream().map(e -> e.record().qualifiedName()).sorted().collect(Collectors.joining(", "));
    return MethodSpec.methodBuilder("outgoing")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addTypeVariable(t)
        .returns(ParameterizedTypeName.get(GeneratedNames.OUTGOING_EVENT, t))
        .addParameter(ParameterizedTypeName.get(ClassName.get(Class.class), t), "type")
        .addParameter(Object.class, "event")
        .addParameter(GeneratedNames.PUBLISH_OPTIONS, "options")
        .addStatement("$T<$T> descriptor = EVENTS.find(type).orElseThrow(() -> new $T($S\n    + (event == null ? $S : type.getName()) + $S))",
            GeneratedNames.EVENT_DESCRIPTOR, t, IllegalArgumentException.class,
            "catalog " + catalog + " has no event for ", "null", "; its records are " + (records.isEmpty() ? "none" : records))
        .addStatement("return $T.of(descriptor, descriptor.cast(event), options)", GeneratedNames.OUTGOING_EVENT)
        .build();
  }
}
