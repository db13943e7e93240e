package farm.moonx.events.internal;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An unmodifiable, insertion-ordered map that nobody can change: it owns its
 * {@link LinkedHashMap}, or holds its one entry (a context usually has one or two).
 * {@code EventMetadata} copies any other context map into one, and keeps one as it is, so a
 * context the reader decoded is not copied a second time; the writer walks the owned map
 * directly.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class FrozenMap<K, V> extends AbstractMap<K, V> {
  private final Map<K, V> map;

  private FrozenMap(Map<K, V> map) {
    this.map = map;
  }

  /** A frozen copy of {@code source} (the same instance if it already is one). */
  @SuppressWarnings("unchecked") // a FrozenMap cannot be modified, so reading it as Map<K, V> is safe
  public static <K, V> Map<K, V> copyOf(Map<? extends K, ? extends V> source) {
    if (source instanceof FrozenMap<?, ?> frozen) {
      return (Map<K, V>) frozen;
    }
    if (source.size() == 1) {
      Entry<? extends K, ? extends V> only = source.entrySet().iterator().next();
      return of(only.getKey(), only.getValue());
    }
    return new FrozenMap<>(new LinkedHashMap<>(source));
  }

  /** Freezes {@code owned}, which the caller hands over and must not touch again. */
  public static <K, V> Map<K, V> own(LinkedHashMap<K, V> owned) {
    return new FrozenMap<>(owned);
  }

  /** The map of the one entry {@code key} to {@code value} (either may be null): no hash table. */
  public static <K, V> Map<K, V> of(K key, V value) {
    return new FrozenMap<>(Collections.singletonMap(key, value));
  }

  /** The owned map, for walking it without wrappers; read only. */
  Map<K, V> owned() {
    return map;
  }

  @Override
  public Set<Entry<K, V>> entrySet() {
    return Collections.unmodifiableMap(map).entrySet(); // its entries refuse setValue
  }

  @Override
  public V get(Object key) {
    return map.get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return map.containsKey(key);
  }

  @Override
  public int size() {
    return map.size();
  }

  @Override
  public void forEach(BiConsumer<? super K, ? super V> action) {
    map.forEach(action);
  }
}
