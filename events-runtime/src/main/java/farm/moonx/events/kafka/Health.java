package farm.moonx.events.kafka;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The result of a health check: up or down, and what was found (for a health endpoint).
 *
 * @param up whether the component can do its job
 * @param details what was checked and found, or why it is down (unmodifiable, ordered)
 */
public record Health(boolean up, Map<String, Object> details) {
  /** Makes {@code details} an unmodifiable ordered copy. */
  public Health {
    details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
  }
}
