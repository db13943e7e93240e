package farm.moonx.events.spi;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * The codec of one record, built from its description: per component its JSON name, how its
 * value is written and read (a {@link JsonCodec}, or a primitive kind), and whether it is
 * required, nullable or an {@code Optional}; how to get the components of a record
 * ({@link Accessor}) and how to construct one from the values read ({@link Constructor}). That
 * one description drives writing (names pre-encoded in a {@link JsonFields}, null values
 * omitted), reading ({@link JsonIn#firstField}: unknown fields skipped, a missing required field
 * reported by name and byte offset), {@link #validate} and {@link #partitionKey}. The annotation
 * processor generates one per record, with its accessor and constructor as two static methods
 * beside it:
 *
 * <pre>{@code
 * RecordCodec.<PaymentProcessed>builder(PaymentProcessed.class, PaymentsEvents::paymentProcessed, PaymentsEvents::newPaymentProcessed)
 *     .field("paymentId", CodecSupport.STRING)
 *     .intField("attempt", PaymentProcessed::attempt)
 *     .optional("note", CodecSupport.STRING)
 *     .build();
 *
 * private static Object paymentProcessed(PaymentProcessed data, int component) {
 *   return switch (component) {
 *     case 0 -> data.paymentId();
 *     case 2 -> data.note();
 *     default -> throw new IndexOutOfBoundsException(component);
 *   };
 * }
 *
 * private static PaymentProcessed newPaymentProcessed(RecordValues v) {
 *   return new PaymentProcessed(v.<String>get(0), v.getInt(1), v.<String>optional(2));
 * }
 * }</pre>
 *
 * <p>One accessor method, not a method reference per component: javac's cost for a class's
 * method references grows faster than their number. Primitive components keep one each (no boxing).
 *
 * <p>The builder's methods are deliberately not generic, and generated code gives
 * {@code builder} its type argument ({@code RecordCodec.<PaymentProcessed>builder}): javac checks
 * thousands of generated calls faster without inference. The codec given for a component must
 * write and read the type its accessor returns, or writing fails with a
 * {@code ClassCastException}.
 *
 * <p>Strings, decimals and instants given as {@link CodecSupport#STRING},
 * {@link CodecSupport#BIG_DECIMAL} and {@link CodecSupport#INSTANT} take a direct path (same
 * bytes as those codecs). Immutable and thread-safe.
 *
 * @param <T> the record type
 */
public final class RecordCodec<T> implements EventCodec<T> {
  private static final byte VALUE = 0;
  private static final byte STRING = 1;
  private static final byte DECIMAL = 2;
  private static final byte INSTANT = 3;
  private static final byte BOOLEAN = 4;
  private static final byte BYTE = 5;
  private static final byte SHORT = 6;
  private static final byte INT = 7;
  private static final byte LONG = 8;
  private static final byte FLOAT = 9;
  private static final byte DOUBLE = 10;
  private static final byte CHAR = 11;

  private static final byte REQUIRED = 0;
  private static final byte NULLABLE = 1;
  private static final byte OPTIONAL = 2;

  private final Class<T> type;
  private final JsonFields fields;
  private final byte[] kinds;
  private final byte[] presence;
  private final Accessor<T> accessor;
  private final Object[] primitiveAccessors;
  private final JsonCodec<?>[] codecs;
  private final Constructor<T> constructor;

  private RecordCodec(Builder<T> b) {
    this.type = b.type;
    this.fields = b.names.build();
    int n = b.kinds.size();
    this.kinds = new byte[n];
    this.presence = new byte[n];
    for (int i = 0; i < n; i++) {
      kinds[i] = b.kinds.get(i);
      presence[i] = b.presence.get(i);
    }
    this.accessor = b.accessor;
    this.primitiveAccessors = b.primitiveAccessors.toArray();
    this.codecs = b.codecs.toArray(new JsonCodec<?>[0]);
    this.constructor = b.constructor;
  }

  /**
   * Starts the description of record {@code type}, whose reference components {@code accessor}
   * gets and whose instances {@code constructor} creates; components follow in declaration order.
   */
  public static <T> Builder<T> builder(Class<T> type, Accessor<T> accessor, Constructor<T> constructor) {
    return new Builder<>(type, Objects.requireNonNull(accessor, "accessor"), constructor);
  }

  /**
   * Starts the description of record {@code type} without reference components (only
   * primitives, or none), whose instances {@code constructor} creates.
   */
  public static <T> Builder<T> builder(Class<T> type, Constructor<T> constructor) {
    return new Builder<>(type, null, constructor);
  }

  /** The described fields: names in order and which are required. */
  public JsonFields fields() {
    return fields;
  }

  @Override
  public void write(JsonOut out, T value) {
    out.beginObject();
    for (int i = 0; i < kinds.length; i++) {
      switch (kinds[i]) {
        case BOOLEAN -> out.bool(fields, i, this.<Predicate<T>>primitive(i).test(value));
        case BYTE, SHORT, INT -> out.number(fields, i, (long) this.<ToIntFunction<T>>primitive(i).applyAsInt(value));
        case LONG -> out.number(fields, i, this.<ToLongFunction<T>>primitive(i).applyAsLong(value));
        case FLOAT -> out.number(fields, i, (float) this.<ToDoubleFunction<T>>primitive(i).applyAsDouble(value));
        case DOUBLE -> out.number(fields, i, this.<ToDoubleFunction<T>>primitive(i).applyAsDouble(value));
        case CHAR -> {
          out.name(fields, i);
          out.string(String.valueOf((char) this.<ToIntFunction<T>>primitive(i).applyAsInt(value)));
        }
        default -> writeReference(out, i, reference(i, value));
      }
    }
    out.endObject();
  }

  private void writeReference(JsonOut out, int i, Object value) {
    switch (kinds[i]) {
      case STRING -> out.string(fields, i, (String) value);
      case DECIMAL -> out.decimal(fields, i, (BigDecimal) value);
      case INSTANT -> out.instant(fields, i, (Instant) value);
      default -> out.value(fields, i, value, codec(i));
    }
  }

  /** The value of reference component {@code i}, an {@code Optional}'s content or null. */
  private Object reference(int i, T value) {
    Object v = accessor.get(value, i);
    return presence[i] == OPTIONAL ? CodecSupport.orNull((Optional<?>) v) : v;
  }

  @SuppressWarnings("unchecked") // each primitive accessor was added with the functional type its kind casts to
  private <F> F primitive(int i) {
    return (F) primitiveAccessors[i];
  }

  @SuppressWarnings("unchecked") // a VALUE component's codec writes what its accessor returns
  private JsonCodec<Object> codec(int i) {
    return (JsonCodec<Object>) codecs[i];
  }

  @Override
  public T read(JsonIn in) throws IOException {
    // One Values per nesting depth, kept by the reader: a nested record is read one level down.
    RecordValues values = in.values(kinds.length);
    Object[] refs = values.refs;
    long[] bits = values.bits;
    try {
      for (int f = in.firstField(fields); f != JsonIn.END; f = in.nextField(fields)) {
        switch (kinds[f]) {
          case STRING -> refs[f] = in.string();
          case DECIMAL -> refs[f] = CodecSupport.readBigDecimal(in);
          case INSTANT -> refs[f] = CodecSupport.readInstant(in);
          case BOOLEAN -> bits[f] = in.bool() ? 1 : 0;
          case BYTE -> bits[f] = CodecSupport.readByte(in);
          case SHORT -> bits[f] = CodecSupport.readShort(in);
          case INT -> bits[f] = in.intValue();
          case LONG -> bits[f] = in.longValue();
          case FLOAT -> bits[f] = Float.floatToRawIntBits(CodecSupport.readFloat(in));
          case DOUBLE -> bits[f] = Double.doubleToRawLongBits(in.doubleValue());
          case CHAR -> bits[f] = CodecSupport.readChar(in);
          default -> refs[f] = codecs[f].read(in);
        }
      }
      return constructor.create(values);
    } finally {
      values.clear(kinds.length); // the next record starts empty, and nothing read stays reachable
    }
  }

  /**
   * Adds a message for each component that makes {@code value} an invalid event: a required
   * reference component that is null ({@code data.paymentId: is required}), or an
   * {@code Optional} component that is null instead of empty.
   */
  @Override
  public void validate(T value, List<String> errors) {
    for (int i = 0; i < kinds.length; i++) {
      if (kinds[i] >= BOOLEAN || presence[i] == NULLABLE || accessor.get(value, i) != null) {
        continue;
      }
      errors.add("data." + fields.name(i) + ": is required"
          + (presence[i] == OPTIONAL ? " (use Optional.empty(), not null)" : ""));
    }
  }

  /**
   * Component {@code index} as a partition key: the text its JSON value has (a decimal's plain
   * digits with their scale, an enum's name, a primitive's {@code String.valueOf}), null when
   * the component is null or an empty {@code Optional}.
   */
  public Function<T, String> partitionKey(int index) {
    Objects.checkIndex(index, kinds.length);
    return switch (kinds[index]) {
      case BOOLEAN -> value -> String.valueOf(this.<Predicate<T>>primitive(index).test(value));
      case BYTE, SHORT, INT -> value -> String.valueOf(this.<ToIntFunction<T>>primitive(index).applyAsInt(value));
      case LONG -> value -> String.valueOf(this.<ToLongFunction<T>>primitive(index).applyAsLong(value));
      case FLOAT -> value -> String.valueOf((float) this.<ToDoubleFunction<T>>primitive(index).applyAsDouble(value));
      case DOUBLE -> value -> String.valueOf(this.<ToDoubleFunction<T>>primitive(index).applyAsDouble(value));
      case CHAR -> value -> String.valueOf((char) this.<ToIntFunction<T>>primitive(index).applyAsInt(value));
      default -> value -> keyText(reference(index, value));
    };
  }

  private static String keyText(Object value) {
    if (value == null) {
      return null;
    } else if (value instanceof BigDecimal decimal) {
      return CodecSupport.decimalString(decimal);
    } else if (value instanceof Enum<?> constant) {
      return constant.name();
    }
    return value.toString();
  }

  @Override
  public String toString() {
    return "RecordCodec[" + type.getName() + "]";
  }

  /**
   * Gets the reference components of a record, by component index (primitive components have
   * an accessor each).
   *
   * @param <T> the record type
   */
  @FunctionalInterface
  public interface Accessor<T> {
    /** Reference component {@code index} of {@code record}; an {@code Optional} component's {@code Optional}. */
    Object get(T record, int index);
  }

  /**
   * Constructs the record from the values read, by component index.
   *
   * @param <T> the record type
   */
  @FunctionalInterface
  public interface Constructor<T> {
    /** The record holding {@code values}. */
    T create(RecordValues values);
  }

  /**
   * Describes a record's components in declaration order, then {@link #build}s its codec.
   *
   * @param <T> the record type
   */
  public static final class Builder<T> {
    private final Class<T> type;
    private final JsonFields.Builder names = JsonFields.builder();
    private final List<Byte> kinds = new ArrayList<>();
    private final List<Byte> presence = new ArrayList<>();
    private final Accessor<T> accessor;
    private final Constructor<T> constructor;
    private final List<Object> primitiveAccessors = new ArrayList<>();
    private final List<JsonCodec<?>> codecs = new ArrayList<>();

    private Builder(Class<T> type, Accessor<T> accessor, Constructor<T> constructor) {
      this.type = Objects.requireNonNull(type, "type");
      this.accessor = accessor;
      this.constructor = Objects.requireNonNull(constructor, "constructor");
    }

    /** A required component written and read with {@code codec}: a null value fails validation. */
    public Builder<T> field(String name, JsonCodec<?> codec) {
      names.required(name);
      return reference(REQUIRED, codec);
    }

    /** A {@code @Nullable} component: omitted when null, null when absent. */
    public Builder<T> nullable(String name, JsonCodec<?> codec) {
      names.optional(name);
      return reference(NULLABLE, codec);
    }

    /** An {@code Optional} component ({@code codec} handles its value): omitted when empty, empty when absent or null. */
    public Builder<T> optional(String name, JsonCodec<?> codec) {
      names.optional(name);
      return reference(OPTIONAL, codec);
    }

    private Builder<T> reference(byte how, JsonCodec<?> codec) {
      if (accessor == null) {
        throw new IllegalStateException(type.getName() + " has reference components: build it with an accessor");
      }
      byte kind = VALUE;
      if (codec == CodecSupport.STRING) {
        kind = STRING;
      } else if (codec == CodecSupport.BIG_DECIMAL) {
        kind = DECIMAL;
      } else if (codec == CodecSupport.INSTANT) {
        kind = INSTANT;
      }
      return add(kind, how, null, Objects.requireNonNull(codec, "codec"));
    }

    /** A {@code boolean} component. */
    public Builder<T> booleanField(String name, Predicate<? super T> accessor) {
      return primitive(name, BOOLEAN, accessor);
    }

    /** A {@code byte} component, a JSON integer in its range. */
    public Builder<T> byteField(String name, ToIntFunction<? super T> accessor) {
      return primitive(name, BYTE, accessor);
    }

    /** A {@code short} component, a JSON integer in its range. */
    public Builder<T> shortField(String name, ToIntFunction<? super T> accessor) {
      return primitive(name, SHORT, accessor);
    }

    /** An {@code int} component. */
    public Builder<T> intField(String name, ToIntFunction<? super T> accessor) {
      return primitive(name, INT, accessor);
    }

    /** A {@code long} component. */
    public Builder<T> longField(String name, ToLongFunction<? super T> accessor) {
      return primitive(name, LONG, accessor);
    }

    /** A {@code float} component, written as {@link Float#toString} spells it. */
    public Builder<T> floatField(String name, ToDoubleFunction<? super T> accessor) {
      return primitive(name, FLOAT, accessor);
    }

    /** A {@code double} component. */
    public Builder<T> doubleField(String name, ToDoubleFunction<? super T> accessor) {
      return primitive(name, DOUBLE, accessor);
    }

    /** A {@code char} component, a one-character JSON string. */
    public Builder<T> charField(String name, ToIntFunction<? super T> accessor) {
      return primitive(name, CHAR, accessor);
    }

    private Builder<T> primitive(String name, byte kind, Object accessor) {
      names.required(name);
      return add(kind, REQUIRED, Objects.requireNonNull(accessor, "accessor"), null);
    }

    private Builder<T> add(byte kind, byte how, Object accessor, JsonCodec<?> codec) {
      kinds.add(kind);
      presence.add(how);
      primitiveAccessors.add(accessor);
      codecs.add(codec);
      return this;
    }

    /** The codec. */
    public RecordCodec<T> build() {
      return new RecordCodec<>(this);
    }
  }
}
