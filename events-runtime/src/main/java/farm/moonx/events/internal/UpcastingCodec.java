package farm.moonx.events.internal;

import farm.moonx.events.spi.EventCodec;
import farm.moonx.events.spi.JsonIn;
import farm.moonx.events.spi.JsonOut;
import java.io.IOException;
import java.util.Objects;
import java.util.function.Function;

/**
 * Reads the data of an older major version with that version's record codec and upcasts the
 * result to the newest record. Read-only: publishers always write the newest version.
 *
 * @param <O> the older record
 * @param <T> the newest record
 */
public final class UpcastingCodec<O, T> implements EventCodec<T> {
  private final String eventName;
  private final String version;
  private final EventCodec<O> older;
  private final Function<? super O, ? extends T> upcast;

  /** Reads {@code version} of {@code eventName} with {@code older}, then applies {@code upcast}. */
  public UpcastingCodec(
      String eventName, String version, EventCodec<O> older, Function<? super O, ? extends T> upcast) {
    this.eventName = Objects.requireNonNull(eventName, "eventName");
    this.version = Objects.requireNonNull(version, "version");
    this.older = Objects.requireNonNull(older, "older");
    this.upcast = Objects.requireNonNull(upcast, "upcast");
  }

  @Override
  public T read(JsonIn in) throws IOException {
    O value = older.read(in);
    T next = upcast.apply(value);
    if (next == null) {
      throw new IllegalStateException("the upcast of event \"" + eventName + "\" version " + version + " returned null");
    }
    return next;
  }

  /** Always fails: an older version is only read, never written. */
  @Override
  public void write(JsonOut out, T value) {
    throw new UnsupportedOperationException(
        "event \"" + eventName + "\" version " + version + " is read only; publishers write the newest version");
  }

  @Override
  public String toString() {
    return "UpcastingCodec[" + eventName + " v" + version + " via " + older + "]";
  }
}
