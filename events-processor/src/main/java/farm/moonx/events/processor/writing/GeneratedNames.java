package farm.moonx.events.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import farm.moonx.events.processor.model.KnownEvent;
import farm.moonx.events.processor.model.TypeRef;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * Every name the processor generates, in one place: generated classes, descriptor constants,
 * handler methods, resources, and the runtime types generated code refers to (named, not
 * linked: the processor does not depend on the runtime).
 */
public final class GeneratedNames {
  private GeneratedNames() {}

  static final String RUNTIME = "farm.moonx.events";
  static final String SPI = RUNTIME + ".spi";
  static final ClassName EVENT_CODEC = ClassName.get(SPI, "EventCodec");
  static final ClassName RECORD_CODEC = ClassName.get(SPI, "RecordCodec");
  static final ClassName RECORD_VALUES = ClassName.get(SPI, "RecordValues");
  static final ClassName EVENT_DESCRIPTOR = ClassName.get(RUNTIME, "EventDescriptor");
  static final ClassName EVENT_REGISTRY = ClassName.get(RUNTIME, "EventRegistry");
  static final ClassName EVENT_ENVELOPE = ClassName.get(RUNTIME, "EventEnvelope");
  static final ClassName DELIVERY = ClassName.get(RUNTIME, "Delivery");
  static final ClassName EVENT_PUBLISHER = ClassName.get(RUNTIME, "EventPublisher");
  static final ClassName EVENT_DISPATCHER = ClassName.get(SPI, "EventDispatcher");
  static final ClassName PUBLISH_OPTIONS = ClassName.get(RUNTIME, "PublishOptions");
  static final ClassName PUBLISH_RESULT = ClassName.get(RUNTIME, "PublishResult");
  static final ClassName BATCH_PUBLISH_RESULT = ClassName.get(RUNTIME, "BatchPublishResult");
  static final ClassName OUTGOING_EVENT = ClassName.get(RUNTIME, "OutgoingEvent");
  static final ClassName CODEC_SUPPORT = ClassName.get(SPI, "CodecSupport");
  static final ClassName CATALOG_REGISTRY = ClassName.get(SPI, "CatalogRegistry");
  static final ClassName CODEC_ARRAYS = ClassName.get(SPI, "CodecArrays");
  static final ClassName DATA_CLASSIFICATION = ClassName.get("farm.moonx.events.annotations", "DataClassification");
  static final ClassName CATALOG_INDEX = ClassName.get("farm.moonx.events.annotations.internal", "CatalogIndex");
  static final String MARKER_PACKAGE = "farm.moonx.events.generated.catalogs";

  /** The service file listing every registry. */
  public static final String SERVICES_FILE = "META-INF/services/" + RUNTIME + ".EventRegistry";

  /** The processor's name, written in {@code @Generated}. */
  public static final String PROCESSOR = "farm.moonx.events.processor.EventProcessor";

  /** {@code PaymentsEvents}. */
  public static ClassName registry(String packageName, String catalog) {
    return ClassName.get(packageName, catalog + "Events");
  }

  /** {@code PaymentsPublisher}. */
  public static ClassName publisher(String packageName, String catalog) {
    return ClassName.get(packageName, catalog + "Publisher");
  }

  /** {@code PaymentsHandler} or {@code BillingHandler}. */
  public static ClassName handler(String packageName, String prefix) {
    return ClassName.get(packageName, prefix + "Handler");
  }

  /** {@code PaymentsDispatcher} or {@code BillingDispatcher}. */
  public static ClassName dispatcher(String packageName, String prefix) {
    return ClassName.get(packageName, prefix + "Dispatcher");
  }

  /**
   * {@code MoneyCodec}, next to its record, for a record outside the catalog's package (see
   * {@link CodecGenerator}); {@code Outer_InnerCodec} for a nested one.
   */
  public static ClassName codec(TypeRef record) {
    return ClassName.get(record.packageName(), String.join("_", record.simpleNames()) + "Codec");
  }

  /**
   * The catalog marker for package {@code pkg}: {@code Catalog_com_example_payments}; an
   * underscore in the package doubles, so distinct packages never share a marker.
   */
  public static ClassName marker(String pkg) {
    return ClassName.get(MARKER_PACKAGE, "Catalog_" + pkg.replace("_", "__").replace('.', '_'));
  }

  /** {@code META-INF/events/Payments.json}. */
  public static String catalogIndex(String catalog) {
    return "META-INF/events/" + catalog + ".json";
  }

  /** {@code META-INF/events/Payments/payment.processed-1.2.schema.json}: one event version's JSON Schema. */
  public static String jsonSchema(String catalog, String eventName, String version) {
    return "META-INF/events/" + catalog + "/" + eventName + "-" + version + ".schema.json";
  }

  /** {@code META-INF/events/Payments.asyncapi.json}. */
  public static String asyncApi(String catalog) {
    return "META-INF/events/" + catalog + ".asyncapi.json";
  }

  /** {@code META-INF/events/Payments.d.ts}: the TypeScript declarations. */
  public static String typeScript(String catalog) {
    return "META-INF/events/" + catalog + ".d.ts";
  }

  /** The descriptor constant of an event: {@code payment.processed} gives {@code PAYMENT_PROCESSED}. */
  public static String constant(String eventName) {
    return eventName.replaceAll("[.\\-]", "_").toUpperCase(Locale.ROOT);
  }

  /** The descriptor constant of an older major: {@code PAYMENT_PROCESSED_V1}. */
  public static String olderConstant(String newestConstant, int major) {
    return newestConstant + "_V" + major;
  }

  /** The handler method of an event: {@code payment.processed} gives {@code onPaymentProcessed}. */
  public static String handlerMethod(String eventName) {
    StringBuilder sb = new StringBuilder("on");
    for (String part : eventName.split("[._\\-]")) {
      if (!part.isEmpty()) {
        sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return sb.toString();
  }

  /**
   * The descriptor constant of each event name, made unique in name order ({@code a.b-c} and
   * {@code a.b_c} would both be {@code A_B_C}; the second becomes {@code A_B_C_2}).
   */
  public static Map<String, String> constants(Collection<String> eventNames) {
    return unique(eventNames, GeneratedNames::constant, "_");
  }

  /** The handler method of each event, made unique like {@link #constants}. */
  static Map<String, String> handlerMethods(Collection<String> eventNames) {
    return unique(eventNames, GeneratedNames::handlerMethod, "");
  }

  /**
   * The publisher method of each event, the handler method without its {@code on}:
   * {@code payment.processed} gives {@code paymentProcessed}. An event name has two segments or
   * more, so the name always holds a capital and is never a Java keyword.
   */
  static Map<String, String> publisherMethods(Collection<String> eventNames) {
    Map<String, String> methods = new TreeMap<>();
    handlerMethods(eventNames).forEach((event, handler) ->
        methods.put(event, Character.toLowerCase(handler.charAt(2)) + handler.substring(3)));
    return methods;
  }

  private static Map<String, String> unique(
      Collection<String> names, UnaryOperator<String> derive, String separator) {
    Map<String, String> result = new TreeMap<>();
    Set<String> taken = new HashSet<>();
    for (String name : new TreeSet<>(names)) {
      String base = derive.apply(name);
      String candidate = base;
      for (int i = 2; !taken.add(candidate); i++) {
        candidate = base + separator + i;
      }
      result.put(name, candidate);
    }
    return result;
  }

  /** The JavaPoet name of {@code ref}. */
  public static ClassName className(TypeRef ref) {
    List<String> names = ref.simpleNames();
    return ClassName.get(ref.packageName(), names.get(0), names.subList(1, names.size()).toArray(new String[0]));
  }

  /** The descriptor constant of {@code event}, e.g. {@code PaymentsEvents.PAYMENT_PROCESSED}. */
  static CodeBlock descriptor(KnownEvent event) {
    return CodeBlock.of("$T.$N", className(event.registry()), event.constant());
  }
}
