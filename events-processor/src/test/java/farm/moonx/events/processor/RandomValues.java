package farm.moonx.events.processor;

import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Random instances of records built from the supported component types (test-only reflection),
 * seeded so failures reproduce. Strings include characters JSON must escape, and string values
 * now and then a lone surrogate (a string cut inside a pair, which JSON carries only escaped); nullable
 * components, Optionals and reference elements of lists and maps are sometimes empty or null.
 */
final class RandomValues {
  private static final String ALPHABET = "abcXYZ019 \"\\/\n\t\u00e9\u4e2d\ud83d\ude00\u0001";
  private final Random random;

  RandomValues(long seed) {
    this.random = new Random(seed);
  }

  /** A random instance of the record class {@code type}. */
  Object record(Class<?> type) {
    try {
      RecordComponent[] components = type.getRecordComponents();
      Class<?>[] raw = new Class<?>[components.length];
      Object[] args = new Object[components.length];
      for (int i = 0; i < components.length; i++) {
        raw[i] = components[i].getType();
        boolean nullable = java.util.Arrays.stream(components[i].getAnnotatedType().getAnnotations())
            .anyMatch(a -> a.annotationType().getSimpleName().equals("Nullable"))
            || java.util.Arrays.stream(components[i].getAnnotations())
            .anyMatch(a -> a.annotationType().getSimpleName().equals("Nullable"));
        args[i] = nullable && random.nextInt(3) == 0 ? null : value(components[i].getGenericType(), false);
      }
      Constructor<?> constructor = type.getDeclaredConstructor(raw);
      return constructor.newInstance(args);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private Object value(Type type, boolean element) {
    if (element && !(type instanceof Class<?> c && c.isPrimitive()) && random.nextInt(12) == 0) {
      return null;
    }
    if (type instanceof ParameterizedType p) {
      Class<?> raw = (Class<?>) p.getRawType();
      Type[] args = p.getActualTypeArguments();
      int size = random.nextInt(4);
      if (raw == List.class || raw == Collection.class) {
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < size; i++) {
          list.add(value(args[0], true));
        }
        return list;
      } else if (raw == Set.class) {
        Set<Object> set = new LinkedHashSet<>();
        for (int i = 0; i < size; i++) {
          set.add(value(args[0], false));
        }
        return set;
      } else if (raw == Map.class) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
          map.put(string(false), value(args[1], true));
        }
        return map;
      } else if (raw == Optional.class) {
        return random.nextBoolean() ? Optional.empty() : Optional.of(value(args[0], false));
      }
    }
    if (type instanceof GenericArrayType) {
      throw new IllegalArgumentException("generic arrays are not supported: " + type);
    }
    return plain((Class<?>) type);
  }

  private Object plain(Class<?> c) {
    if (c == String.class) {
      return string();
    } else if (c == boolean.class || c == Boolean.class) {
      return random.nextBoolean();
    } else if (c == byte.class || c == Byte.class) {
      return (byte) random.nextInt();
    } else if (c == short.class || c == Short.class) {
      return (short) random.nextInt();
    } else if (c == int.class || c == Integer.class) {
      return random.nextInt();
    } else if (c == long.class || c == Long.class) {
      return random.nextLong();
    } else if (c == float.class || c == Float.class) {
      return (random.nextFloat() - 0.5f) * (float) Math.pow(10, random.nextInt(20) - 10);
    } else if (c == double.class || c == Double.class) {
      return (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(40) - 20);
    } else if (c == char.class || c == Character.class) {
      return (char) ('a' + random.nextInt(26));
    } else if (c == BigDecimal.class) {
      return new BigDecimal(BigInteger.valueOf(random.nextLong()), random.nextInt(5));
    } else if (c == BigInteger.class) {
      return new BigInteger(96, random).subtract(BigInteger.ONE.shiftLeft(95));
    } else if (c == Instant.class) {
      return Instant.ofEpochMilli(random.nextLong() % 4_000_000_000_000L);
    } else if (c == Date.class) {
      return new Date(random.nextLong() % 4_000_000_000_000L);
    } else if (c == LocalDate.class) {
      return LocalDate.ofEpochDay(random.nextInt(100_000) - 50_000);
    } else if (c == LocalDateTime.class) {
      return LocalDateTime.ofEpochSecond(random.nextInt(), random.nextInt(1_000_000_000), ZoneOffset.UTC);
    } else if (c == OffsetDateTime.class) {
      ZoneOffset offset = ZoneOffset.ofTotalSeconds((random.nextInt(49) - 24) * 1800);
      return OffsetDateTime.of(LocalDateTime.ofEpochSecond(random.nextInt(), random.nextInt(1_000_000) * 1000, offset), offset);
    } else if (c == UUID.class) {
      return new UUID(random.nextLong(), random.nextLong());
    } else if (c == byte[].class) {
      byte[] bytes = new byte[random.nextInt(40)];
      random.nextBytes(bytes);
      return bytes;
    } else if (c.isEnum()) {
      Object[] constants = c.getEnumConstants();
      return constants[random.nextInt(constants.length)];
    } else if (c.isRecord()) {
      return record(c);
    } else if (c.isArray()) {
      int size = random.nextInt(4);
      Object array = Array.newInstance(c.getComponentType(), size);
      for (int i = 0; i < size; i++) {
        Array.set(array, i, value(c.getComponentType(), true));
      }
      return array;
    }
    throw new IllegalArgumentException("no random values of " + c);
  }

  private String string() {
    return string(true);
  }

  /**
   * Without lone surrogates for map keys: Jackson, the reference these tests compare with, reads
   * them in string values but refuses them in property names ("Unexpected low surrogate in
   * property name"); the runtime's own reader takes both (JsonOutStringsTest).
   */
  private String string(boolean loneSurrogates) {
    StringBuilder sb = new StringBuilder();
    int length = random.nextInt(12);
    for (int i = 0; i < length; i++) {
      if (loneSurrogates && random.nextInt(24) == 0) {
        sb.append((char) (0xd800 + random.nextInt(0x800))); // high or low half, alone (or by chance a pair)
        continue;
      }
      int at = random.nextInt(ALPHABET.length());
      char ch = ALPHABET.charAt(at);
      if (Character.isHighSurrogate(ch)) {
        sb.append(ch).append(ALPHABET.charAt(at + 1));
      } else if (!Character.isLowSurrogate(ch)) {
        sb.append(ch);
      }
    }
    return sb.toString();
  }
}
