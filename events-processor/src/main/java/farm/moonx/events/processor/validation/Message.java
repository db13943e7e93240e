package farm.moonx.events.processor.validation;

import farm.moonx.events.processor.model.FieldModel;
import javax.tools.Diagnostic;

/**
 * Every diagnostic the processor reports. Each has a stable id, printed first in brackets
 * ({@code [EventTypeDuplicate] …}) so that users and tests can search for it; ids never change
 * meaning between releases. The texts are {@link String#format} patterns.
 */
public enum Message {
  EVENT_TYPE_NOT_RECORD("EventTypeNotRecord",
      "@EventType must be on a record, but %s is %s; declare it as `public record %s(...)`"),
  EVENT_TYPE_NAME_INVALID("EventTypeNameInvalid",
      "\"%s\" is not a valid event name: use a lowercase dotted hierarchy of at least two segments,"
          + " such as \"payment.processed\" or \"user.profile.updated\" (each segment starts with a"
          + " lowercase letter; then lowercase letters, digits, '-' or '_')%s"),
  EVENT_TYPE_VERSION_INVALID("EventTypeVersionInvalid",
      "\"%s\" is not a valid event version: use major.minor or major.minor.patch without leading zeros, such as \"1.0\" or \"2.3.1\""),
  EVENT_TYPE_DUPLICATE("EventTypeDuplicate",
      "\"%s\" is already declared by %s; every event name must be declared by exactly one record"
          + " per major version"),
  UPCAST_MISSING("UpcastMissing",
      "%s is version %s of \"%s\", but the newest is %s (%s), and handlers receive the newest: let it"
          + " implement Upcast<%s> (farm.moonx.events.annotations.Upcast) and convert itself in upcast()"),
  UPCAST_TARGET_INVALID("UpcastTargetInvalid",
      "%s implements Upcast<%s>, which is not a version of \"%s\"; upcast to one of its records: %s"),
  UPCAST_CYCLE("UpcastCycle",
      "the upcasts of \"%s\" loop (%s) and never reach the newest version %s (%s); let one of them"
          + " upcast to a newer version"),
  UPCAST_FROM_NEWEST("UpcastFromNewest",
      "%s is the newest version (%s) of \"%s\" and must not implement Upcast: older versions upcast"
          + " towards the newest; remove it, or declare the version it upcasts to with a higher major"),
  EVENT_VERSION_PACKAGE("EventVersionPackage",
      "version %s of \"%s\" is declared in package %s, but version %s in %s: every version of an event"
          + " belongs to one catalog; move %s to %s"),
  EVENT_TYPE_NOT_ACCESSIBLE("EventTypeNotAccessible",
      "%s cannot be an event: %s, because generated code in other packages must use it"),
  EVENT_TYPE_GENERIC("EventTypeGeneric",
      "%s cannot be an event: it has type parameters, and its codec and descriptor need one"
          + " concrete type"),
  COMPONENT_TYPE_UNSUPPORTED("ComponentTypeUnsupported",
      "component %s has type %s, which the generated codec cannot write (%s). Supported: String,"
          + " primitives and their boxes, BigDecimal, BigInteger, Instant, LocalDate, LocalDateTime,"
          + " OffsetDateTime, UUID, enums, records, byte[], java.util.Date, arrays, and List, Set,"
          + " Collection, Map<String, V> and Optional (as the component's own type) of these"),
  COMPONENT_TYPE_NOT_ACCESSIBLE("ComponentTypeNotAccessible",
      "component %s has type %s, which the generated codec in package %s cannot access: make it"
          + " public (and every type enclosing it)"),
  PARTITION_KEY_DUPLICATE("PartitionKeyDuplicate",
      "%s has more than one @PartitionKey component (%s); mark exactly one"),
  PARTITION_KEY_UNSUPPORTED("PartitionKeyUnsupported",
      "@PartitionKey component %s has type %s; a partition key must be a String, a primitive or"
          + " its box, a UUID, an enum, BigInteger, BigDecimal or LocalDate"),
  COMPONENT_MUTABLE("ComponentMutable", Diagnostic.Kind.WARNING,
      "component %s has mutable type %s: code holding the event can change it after it was"
          + " published or decoded. Prefer an immutable type (Instant, List), or silence this with"
          + " @SuppressWarnings(\"" + FieldModel.SUPPRESS_MUTABLE + "\") on the component or record"),
  CATALOG_NAME_INVALID("CatalogNameInvalid",
      "\"%s\" is not a valid catalog name: it prefixes generated classes (%sEvents), so it must be"
          + " a Java identifier starting with an uppercase letter, such as \"Payments\""),
  CATALOG_DUPLICATE("CatalogDuplicate",
      "package %s already has @EventCatalog on %s; a package holds exactly one catalog"),
  CATALOG_CLOSED("CatalogClosed",
      "%s appeared in a later processing round than the other events of catalog %s, whose classes"
          + " are already generated; declare it in the source (not from another annotation processor)"),
  CONSUMER_NAME_INVALID("ConsumerNameInvalid",
      "\"%s\" is not a valid consumer name: it prefixes generated classes (%sHandler), so it must be"
          + " a Java identifier starting with an uppercase letter, such as \"Billing\""),
  GENERATED_TYPE_TAKEN("GeneratedTypeTaken", "%s generates class %s, but %s"),
  CONSUMER_DUPLICATE("ConsumerDuplicate",
      "\"%s\" is already the name of the @EventConsumer on %s; the name prefixes the generated %sHandler"
          + " and %sDispatcher, so each consumer in a package needs its own"),
  CONSUMER_EVENT_UNKNOWN("ConsumerEventUnknown",
      "no visible catalog declares event \"%s\"%s"),
  CONSUMER_PREFIX_UNMATCHED("ConsumerPrefixUnmatched",
      "\"%s\" matches no visible event%s"),
  CONSUMER_SELECTOR_INVALID("ConsumerSelectorInvalid",
      "\"%s\" is neither an event name such as \"payment.processed\" nor a prefix such as \"user.*\""),
  TYPE_UNRESOLVED("TypeUnresolved",
      "component %s has type %s, which could not be resolved; check its imports and dependencies"),
  COMPAT_REQUIRED_FIELD_ADDED("CompatRequiredFieldAdded",
      "\"%s\" %s: component %s (%s) is required but the baseline (%s, %s) has no such component, so"
          + " payloads written before cannot be read (rule: no required component added within a major;"
          + " mode %s). Fix: make it Optional<%s> (or @Nullable), or bump to %d.0 and keep the %d.x record"
          + " with an upcast"),
  COMPAT_FIELD_REMOVED("CompatFieldRemoved",
      "\"%s\" %s: the baseline (%s, %s) has component %s (%s), the record has none%s, so readers of"
          + " the baseline lose it (rule: no component removed or renamed within a major; mode %s). Fix:"
          + " keep %s (make it Optional if writers may leave it out), or bump to %d.0 and keep the %d.x"
          + " record with an upcast"),
  COMPAT_FIELD_TYPE_CHANGED("CompatFieldTypeChanged",
      "\"%s\" %s: component %s was %s in the baseline (%s) and is now %s (rule: no type change within a"
          + " major; mode %s). Fix: keep %s, or bump to %d.0 and keep the %d.x record with an upcast"),
  COMPAT_FIELD_NOW_REQUIRED("CompatFieldNowRequired",
      "\"%s\" %s: component %s was optional in the baseline (%s) and is now required (%s), so payloads"
          + " written before without it cannot be read (rule: no optional component made required within"
          + " a major; mode %s). Fix: keep it Optional (or @Nullable), or bump to %d.0 and keep the %d.x"
          + " record with an upcast"),
  COMPAT_FIELD_NOW_OPTIONAL("CompatFieldNowOptional",
      "\"%s\" %s: component %s was required in the baseline (%s) and is now optional (%s), so readers"
          + " of the baseline fail on payloads without it (rule: no required component made optional"
          + " within a major; mode %s). Fix: keep it required, or bump to %d.0 and keep the %d.x record"
          + " with an upcast"),
  COMPAT_EVENT_REMOVED("CompatEventRemoved",
      "the baseline (%s) has \"%s\" version %s (%s), which catalog %s no longer declares%s (rule: no"
          + " event removed or renamed; mode %s). Fix: %s"),
  COMPAT_PARTITION_KEY_CHANGED("CompatPartitionKeyChanged",
      "\"%s\" %s: the partition key was %s in the baseline (%s) and is now %s, which breaks the order of"
          + " each key's events across the change (rule: partition key unchanged within a major; mode %s)."
          + " Fix: %s, or bump to %d.0 and keep the %d.x record with an upcast"),
  COMPAT_CLASSIFICATION_LOWERED("CompatClassificationLowered",
      "\"%s\" %s: classification was %s in the baseline (%s) and is now %s, which would let its data"
          + " reach logs and tools the baseline kept it from (rule: classification never lowered; mode"
          + " %s). Fix: keep %s or raise it"),
  COMPAT_BASELINE_INVALID("CompatBaselineInvalid",
      "the baseline %s of catalog %s cannot be read: %s; write it again with -A%s=true"),
  COMPAT_BASELINE_OFF("CompatBaselineOff", Diagnostic.Kind.NOTE,
      "the compatibility check is off: no baseline directory is configured (-A%s=<dir>, see the"
          + " events-processor README)"),
  COMPAT_BASELINE_MISSING("CompatBaselineMissing", Diagnostic.Kind.NOTE,
      "the compatibility check of catalog %s is off: there is no baseline %s; write it with -A%s=true"),
  COMPAT_BASELINE_WRITTEN("CompatBaselineWritten", Diagnostic.Kind.NOTE,
      "wrote the baseline of catalog %s to %s (the compatibility check is skipped while writing); commit it"),
  PROCESSOR_FAILURE("ProcessorFailure",
      "the moonx-events processor failed on this element (please report it): %s");

  private final String id;
  private final Diagnostic.Kind kind;
  private final String pattern;

  Message(String id, String pattern) {
    this(id, Diagnostic.Kind.ERROR, pattern);
  }

  Message(String id, Diagnostic.Kind kind, String pattern) {
    this.id = id;
    this.kind = kind;
    this.pattern = pattern;
  }

  /** The stable id, e.g. {@code EventTypeDuplicate}. */
  public String id() {
    return id;
  }

  /** Error or warning. */
  public Diagnostic.Kind kind() {
    return kind;
  }

  /** The text with its id, e.g. {@code [EventTypeDuplicate] "a.b" is already declared by …}. */
  public String format(Object... args) {
    return "[" + id + "] " + String.format(pattern, args);
  }
}
