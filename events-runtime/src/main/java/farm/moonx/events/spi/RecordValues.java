package farm.moonx.events.spi;

import java.util.Arrays;
import java.util.Optional;

/**
 * The values of one record read, by component index: absent references are null (an
 * {@code Optional} is then empty); primitives are always present (required on the wire).
 * Valid only during {@link RecordCodec.Constructor#create}: the reader (one per thread) keeps
 * one per nesting depth and reuses it for the next record there, so a decode allocates no
 * holder per record.
 */
public final class RecordValues {
  Object[] refs;
  long[] bits;

  RecordValues(int size) {
    this.refs = new Object[size];
    this.bits = new long[size];
  }

  /** This holder, grown to at least {@code size} components if it must be. */
  RecordValues fit(int size) {
    if (refs.length < size) {
      refs = new Object[size];
      bits = new long[size];
    }
    return this;
  }

  void clear(int size) {
    Arrays.fill(refs, 0, size, null);
    Arrays.fill(bits, 0, size, 0L);
  }

  /** Reference component {@code i}, typed as the constructor parameter it is passed to. */
  @SuppressWarnings("unchecked") // the component was read by the codec given for its type
  public <X> X get(int i) {
    return (X) refs[i];
  }

  /** {@code Optional} component {@code i}: empty when absent or null on the wire. */
  public <X> Optional<X> optional(int i) {
    return Optional.ofNullable(get(i));
  }

  /** Boolean component {@code i}. */
  public boolean getBoolean(int i) {
    return bits[i] != 0;
  }

  /** Byte component {@code i}. */
  public byte getByte(int i) {
    return (byte) bits[i];
  }

  /** Short component {@code i}. */
  public short getShort(int i) {
    return (short) bits[i];
  }

  /** Int component {@code i}. */
  public int getInt(int i) {
    return (int) bits[i];
  }

  /** Long component {@code i}. */
  public long getLong(int i) {
    return bits[i];
  }

  /** Float component {@code i}. */
  public float getFloat(int i) {
    return Float.intBitsToFloat((int) bits[i]);
  }

  /** Double component {@code i}. */
  public double getDouble(int i) {
    return Double.longBitsToDouble(bits[i]);
  }

  /** Char component {@code i}. */
  public char getChar(int i) {
    return (char) bits[i];
  }
}
