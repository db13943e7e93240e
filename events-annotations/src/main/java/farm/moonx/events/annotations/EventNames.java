package farm.moonx.events.annotations;

import java.util.regex.Pattern;

/**
 * The rules for event names, versions and the default topic, in the one place the annotation
 * processor (at compile time) and the runtime (when a descriptor is built and when an envelope
 * is validated) both read them, so the two can never disagree.
 */
public final class EventNames {
  /** The topic of a catalog that names none. */
  public static final String DEFAULT_TOPIC = "moonx.events";

  /** One segment of an event name: lowercase letters and digits, words joined by {@code -} or {@code _}. */
  private static final String SEGMENT = "[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*";
  private static final Pattern NAME = Pattern.compile(SEGMENT + "(?:\\." + SEGMENT + ")+");
  private static final String NUMBER = "(?:0|[1-9][0-9]*)";
  private static final Pattern VERSION = Pattern.compile(NUMBER + "\\." + NUMBER + "(?:\\." + NUMBER + ")?");

  private EventNames() {}

  /**
   * Whether {@code name} is an event name: two or more dot-separated lowercase segments, such
   * as {@code payment.processed}, {@code billing.invoice.paid} or {@code system.health_check}.
   */
  public static boolean isEventName(String name) {
    return name != null && NAME.matcher(name).matches();
  }

  /**
   * Whether {@code version} is an event version: {@code major.minor} with an optional
   * {@code .patch}, non-negative integers without leading zeros ({@code 1.0}, {@code 2.3},
   * {@code 1.0.2}; not {@code 1.02} or {@code v1}).
   */
  public static boolean isVersion(String version) {
    return version != null && VERSION.matcher(version).matches();
  }
}
