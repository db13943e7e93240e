package farm.moonx.events.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import farm.moonx.events.processor.model.HandlerModel;
import farm.moonx.events.processor.model.KnownEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * {@code PaymentsHandler} (one abstract method per event, so a new event breaks every
 * implementation until handled, plus a no-op {@code Adapter}) and {@code PaymentsDispatcher}
 * (routing an envelope to its method by event name). Catalogs and consumers share the shape.
 */
public final class HandlerGenerator {
  private HandlerGenerator() {}

  /** The handler interface. */
  public static TypeSpec handler(HandlerModel model) {
    ClassName handler = GeneratedNames.handler(model.packageName(), model.prefix());
    Map<String, String> methods = GeneratedNames.handlerMethods(names(model));
    TypeSpec.Builder spec = TypeSpec.interfaceBuilder(handler)
        .addJavadoc("Handles the events of {@code $L}, one method per event. Adding an event adds a method,\n",
            model.prefix())
        .addJavadoc("so every implementation stops compiling until it handles it; extend {@link Adapter} to\n")
        .addJavadoc("handle only some.\n")
        .addModifiers(Modifier.PUBLIC);
    TypeSpec.Builder adapter = TypeSpec.classBuilder("Adapter")
        .addJavadoc("A {@link $T} that ignores every event; override the methods you need.\n", handler)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.ABSTRACT)
        .addSuperinterface(handler)
        .addMethod(MethodSpec.constructorBuilder()
            .addJavadoc("For subclasses.\n")
            .addModifiers(Modifier.PROTECTED)
            .build());
    for (KnownEvent event : model.events()) {
      MethodSpec.Builder method = signature(methods.get(event.name()), event)
          .addJavadoc("Handles {@code $L} ({@link $T}).\n\n", event.name(), GeneratedNames.className(event.record()))
          .addJavadoc("@throws Exception to have the delivery retried or dead-lettered\n");
      spec.addMethod(method.addModifiers(Modifier.ABSTRACT).build());
      adapter.addMethod(signature(methods.get(event.name()), event).addAnnotation(Override.class).build());
    }
    return spec.addType(adapter.build()).build();
  }

  private static MethodSpec.Builder signature(String name, KnownEvent event) {
    return MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PUBLIC)
        .addParameter(ParameterizedTypeName.get(GeneratedNames.EVENT_ENVELOPE, GeneratedNames.className(event.record())),
            "event")
        .addParameter(GeneratedNames.DELIVERY, "delivery")
        .addException(Exception.class);
  }

  /** The dispatcher class. */
  public static TypeSpec dispatcher(HandlerModel model) {
    ClassName handler = GeneratedNames.handler(model.packageName(), model.prefix());
    ClassName dispatcher = GeneratedNames.dispatcher(model.packageName(), model.prefix());
    Map<String, String> methods = GeneratedNames.handlerMethods(names(model));
    List<CodeBlock> descriptors = new ArrayList<>();
    model.events().forEach(e -> descriptors.add(GeneratedNames.descriptor(e)));
    CodeBlock.Builder route = CodeBlock.builder()
        .addStatement("$T eventType = envelope.eventType()", String.class)
        .beginControlFlow("if (eventType == null)")
        .addStatement("return false")
        .endControlFlow()
        .beginControlFlow("switch (eventType)");
    for (KnownEvent event : model.events()) {
      route.addStatement("case $S -> handler.$N($L.castEnvelope(envelope), delivery)", event.name(),
          methods.get(event.name()), GeneratedNames.descriptor(event));
    }
    route.add("default -> {\n").indent().addStatement("return false").unindent().add("}\n")
        .endControlFlow()
        .addStatement("return true");
    return TypeSpec.classBuilder(dispatcher)
        .addJavadoc("Routes each envelope of {@code $L} to its {@link $T} method; returns false for other types.\n",
            model.prefix(), handler)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(GeneratedNames.EVENT_DISPATCHER)
        .addField(FieldSpec.builder(GeneratedNames.EVENT_REGISTRY, "REGISTRY", Modifier.PRIVATE, Modifier.STATIC,
                Modifier.FINAL)
            .initializer("$T.of($L)", GeneratedNames.EVENT_REGISTRY, CodeBlock.join(descriptors, ", "))
            .build())
        .addField(handler, "handler", Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder()
            .addJavadoc("Dispatches to {@code handler}.\n")
            .addModifiers(Modifier.PUBLIC)
            .addParameter(handler, "handler")
            .addStatement("this.handler = $T.requireNonNull(handler, $S)", Objects.class, "handler")
            .build())
        .addMethod(MethodSpec.methodBuilder("registry")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(GeneratedNames.EVENT_REGISTRY)
            .addStatement("return REGISTRY")
            .build())
        .addMethod(MethodSpec.methodBuilder("dispatch")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(boolean.class)
            .addParameter(ParameterizedTypeName.get(GeneratedNames.EVENT_ENVELOPE,
                WildcardTypeName.subtypeOf(Object.class)), "envelope")
            .addParameter(GeneratedNames.DELIVERY, "delivery")
            .addException(Exception.class)
            .addCode(route.build())
            .build())
        .build();
  }

  private static List<String> names(HandlerModel model) {
    return model.events().stream().map(KnownEvent::name).toList();
  }
}
