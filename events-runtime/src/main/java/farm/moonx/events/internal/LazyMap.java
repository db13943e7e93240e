package farm.moonx.events.internal;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * An unmodifiable map computed on first use: a delivery's headers, which most handlers never
 * look at, are not copied out of the Kafka record for every event. The supplier must return a
 * map nobody else holds; it may run more than once if threads race, each time to equal content.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class LazyMap<K, V> extends AbstractMap<K, V> {
  private final Supplier<Map<K, V>> source;
  private volatile Map<K, V> map;

  private LazyMap(Supplier<Map<K, V>> source) {
    this.source = source;
  }

  /** The map {@code source} makes, made when first read. */
  public static <K, V> Map<K, V> of(Supplier<Map<K, V>> source) {
    return new LazyMap<>(Objects.requireNonNull(source, "source"));
  }

  private Map<K, V> map() {
    Map<K, V> m = map;
    if (m == null) {
      m = Collections.unmodifiableMap(source.get());
      map = m;
    }
    return m;
  }

  @Override
  public Set<Entry<K, V>> entrySet() {
    return map().entrySet();
  }

  @Override
  public V get(Object key) {
    return map().get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return map().containsKey(key);
  }

  @Override
  public int size() {
    return map().size();
  }
}
