package farm.moonx.events.spi;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Arrays;

/**
 * Not API: readers of JSON arrays into primitive Java arrays for generated codecs. A JSON
 * {@code null} element fails with the element's path (a primitive cannot hold it).
 */
public final class CodecArrays {
  private CodecArrays() {}

  /** A JSON array as a {@code boolean[]}. */
  public static boolean[] readBooleanArray(JsonParser parser) throws IOException {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      throw CodecSupport.unexpected(parser, "an array");
    }
    boolean[] values = new boolean[8];
    int size = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = CodecSupport.readBoolean(parser);
    }
    return Arrays.copyOf(values, size);
  }

  /** A JSON array as a {@code short[]}. */
  public static short[] readShortArray(JsonParser parser) throws IOException {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      throw CodecSupport.unexpected(parser, "an array");
    }
    short[] values = new short[8];
    int size = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = CodecSupport.readShort(parser);
    }
    return Arrays.copyOf(values, size);
  }

  /** A JSON array as a {@code char[]}. */
  public static char[] readCharArray(JsonParser parser) throws IOException {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      throw CodecSupport.unexpected(parser, "an array");
    }
    char[] values = new char[8];
    int size = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = CodecSupport.readChar(parser);
    }
    return Arrays.copyOf(values, size);
  }

  /** A JSON array as a {@code int[]}. */
  public static int[] readIntArray(JsonParser parser) throws IOException {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      throw CodecSupport.unexpected(parser, "an array");
    }
    int[] values = new int[8];
    int size = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = CodecSupport.readInt(parser);
    }
    return Arrays.copyOf(values, size);
  }

  /** A JSON array as a {@code long[]}. */
  public static long[] readLongArray(JsonParser parser) throws IOException {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      throw CodecSupport.unexpected(parser, "an array");
    }
    long[] values = new long[8];
    int size = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = CodecSupport.readLong(parser);
    }
    return Arrays.copyOf(values, size);
  }

  /** A JSON array as a {@code float[]}. */
  public static float[] readFloatArray(JsonParser parser) throws IOException {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      throw CodecSupport.unexpected(parser, "an array");
    }
    float[] values = new float[8];
    int size = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = CodecSupport.readFloat(parser);
    }
    return Arrays.copyOf(values, size);
  }

  /** A JSON array as a {@code double[]}. */
  public static double[] readDoubleArray(JsonParser parser) throws IOException {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      throw CodecSupport.unexpected(parser, "an array");
    }
    double[] values = new double[8];
    int size = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = CodecSupport.readDouble(parser);
    }
    return Arrays.copyOf(values, size);
  }
}
