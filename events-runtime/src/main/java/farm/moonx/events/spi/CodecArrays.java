package farm.moonx.events.spi;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Not API: codecs of JSON arrays and objects for generated codecs. Lists, sets and maps read
 * unmodifiable, in input order, keeping JSON {@code null} elements (so {@code List.copyOf},
 * which rejects them, is not used); primitive arrays reject a {@code null} element with its
 * path (a primitive cannot hold it).
 */
public final class CodecArrays {
  private CodecArrays() {}

  /** A JSON array as an unmodifiable list. */
  public static <E> JsonCodec<List<E>> list(JsonCodec<E> element) {
    return CodecSupport.codec((out, v) -> writeAll(out, v, element),
        in -> Collections.unmodifiableList(readAll(in, element)));
  }

  /** A JSON array as an unmodifiable collection (a list) in array order. */
  public static <E> JsonCodec<Collection<E>> collection(JsonCodec<E> element) {
    return CodecSupport.codec((out, v) -> writeAll(out, v, element),
        in -> Collections.unmodifiableList(readAll(in, element)));
  }

  /** A JSON array as an unmodifiable set in array order. */
  public static <E> JsonCodec<Set<E>> set(JsonCodec<E> element) {
    return CodecSupport.codec((out, v) -> writeAll(out, v, element),
        in -> Collections.unmodifiableSet(new LinkedHashSet<>(readAll(in, element))));
  }

  /** A JSON array as an array of references, made by {@code newArray}. */
  public static <E> JsonCodec<E[]> array(JsonCodec<E> element, IntFunction<E[]> newArray) {
    return CodecSupport.codec((out, v) -> writeAll(out, Arrays.asList(v), element),
        in -> readAll(in, element).toArray(newArray.apply(0)));
  }

  /** A JSON object as an unmodifiable map in field order. */
  public static <V> JsonCodec<Map<String, V>> map(JsonCodec<V> value) {
    return CodecSupport.codec((out, map) -> {
      out.beginObject();
      for (Map.Entry<String, V> e : map.entrySet()) {
        out.name(e.getKey());
        write(out, e.getValue(), value);
      }
      out.endObject();
    }, in -> {
      Map<String, V> values = new LinkedHashMap<>();
      for (String key = in.firstKey(); key != null; key = in.nextKey()) {
        values.put(key, in.isNull() ? null : value.read(in));
      }
      return Collections.unmodifiableMap(values);
    });
  }

  private static <E> void writeAll(JsonOut out, Collection<E> values, JsonCodec<E> element) {
    out.beginArray();
    for (E e : values) {
      write(out, e, element);
    }
    out.endArray();
  }

  private static <E> void write(JsonOut out, E value, JsonCodec<E> codec) {
    if (value == null) {
      out.nullValue();
    } else {
      codec.write(out, value);
    }
  }

  private static <E> ArrayList<E> readAll(JsonIn in, JsonCodec<E> element) throws IOException {
    ArrayList<E> values = new ArrayList<>();
    for (boolean more = in.firstElement(); more; more = in.nextElement()) {
      values.add(in.isNull() ? null : element.read(in));
    }
    return values;
  }

  /** {@code boolean[]}. */
  public static final JsonCodec<boolean[]> BOOLEAN_ARRAY = CodecSupport.codec((out, v) -> {
    out.beginArray();
    for (boolean b : v) {
      out.bool(b);
    }
    out.endArray();
  }, in -> {
    boolean[] values = new boolean[8];
    int size = 0;
    for (boolean more = in.firstElement(); more; more = in.nextElement()) {
      values = size == values.length ? Arrays.copyOf(values, size * 2) : values;
      values[size++] = in.bool();
    }
    return Arrays.copyOf(values, size);
  });

  /** {@code char[]} as an array of one-character strings. */
  public static final JsonCodec<char[]> CHAR_ARRAY = CodecSupport.codec((out, v) -> {
    out.beginArray();
    for (char c : v) {
      out.string(String.valueOf(c));
    }
    out.endArray();
  }, in -> {
    char[] values = new char[8];
    int size = 0;
    for (boolean more = in.firstElement(); more; more = in.nextElement()) {
      values = size == values.length ? Arrays.copyOf(values, size * 2) : values;
      values[size++] = CodecSupport.readChar(in);
    }
    return Arrays.copyOf(values, size);
  });

  /** {@code short[]}. */
  public static final JsonCodec<short[]> SHORT_ARRAY = CodecSupport.codec((out, v) -> {
    out.beginArray();
    for (short s : v) {
      out.number(s);
    }
    out.endArray();
  }, in -> {
    long[] values = readLongs(in, Short.MIN_VALUE, Short.MAX_VALUE, "short");
    short[] result = new short[values.length];
    for (int i = 0; i < values.length; i++) {
      result[i] = (short) values[i];
    }
    return result;
  });

  /** {@code int[]}. */
  public static final JsonCodec<int[]> INT_ARRAY = CodecSupport.codec((out, v) -> {
    out.beginArray();
    for (int i : v) {
      out.number(i);
    }
    out.endArray();
  }, in -> Arrays.stream(readLongs(in, Integer.MIN_VALUE, Integer.MAX_VALUE, "int")).mapToInt(l -> (int) l).toArray());

  /** {@code long[]}. */
  public static final JsonCodec<long[]> LONG_ARRAY = CodecSupport.codec((out, v) -> {
    out.beginArray();
    for (long l : v) {
      out.number(l);
    }
    out.endArray();
  }, in -> readLongs(in, Long.MIN_VALUE, Long.MAX_VALUE, "long"));

  /** {@code float[]}. */
  public static final JsonCodec<float[]> FLOAT_ARRAY = CodecSupport.codec((out, v) -> {
    out.beginArray();
    for (float f : v) {
      out.number(f);
    }
    out.endArray();
  }, in -> {
    float[] values = new float[8];
    int size = 0;
    for (boolean more = in.firstElement(); more; more = in.nextElement()) {
      values = size == values.length ? Arrays.copyOf(values, size * 2) : values;
      values[size++] = CodecSupport.readFloat(in);
    }
    return Arrays.copyOf(values, size);
  });

  /** {@code double[]}. */
  public static final JsonCodec<double[]> DOUBLE_ARRAY = CodecSupport.codec((out, v) -> {
    out.beginArray();
    for (double d : v) {
      out.number(d);
    }
    out.endArray();
  }, in -> {
    double[] values = new double[8];
    int size = 0;
    for (boolean more = in.firstElement(); more; more = in.nextElement()) {
      values = size == values.length ? Arrays.copyOf(values, size * 2) : values;
      values[size++] = in.doubleValue();
    }
    return Arrays.copyOf(values, size);
  });

  private static long[] readLongs(JsonIn in, long min, long max, String type) throws IOException {
    long[] values = new long[8];
    int size = 0;
    for (boolean more = in.firstElement(); more; more = in.nextElement()) {
      long value = in.longValue();
      if (value < min || value > max) {
        throw in.error(value + " is out of the range of a " + type);
      }
      values = size == values.length ? Arrays.copyOf(values, size * 2) : values;
      values[size++] = value;
    }
    return Arrays.copyOf(values, size);
  }
}
