package farm.moonx.events.annotations;

import java.util.regex.Matcher;
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
  /** As read from the wire: also a bare major, as some TypeScript services write it. */
  private static final Pattern WIRE_VERSION =
      Pattern.compile("(" + NUMBER + ")(?:\\.(" + NUMBER + ")(?:\\." + NUMBER + ")?)?");
  /** Majors beyond this are not versions anyone declares; the bound keeps parsing exact. */
  private static final int MAX_MAJOR_DIGITS = 9;

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

  /**
   * Whether {@code version} is a version as a reader accepts it from the wire: an event version,
   * or a bare major ({@code "1"}, which some TypeScript services write for {@code "1.0"}).
   */
  public static boolean isWireVersion(String version) {
    return version != null && WIRE_VERSION.matcher(version).matches();
  }

  /**
   * The major of a version as declared or read from the wire ({@code "1"}, {@code "1.3"},
   * {@code "2.0.1"}): only it picks the record an event is read with, since minor versions of
   * one major are compatible. -1 if {@code version} is not a wire version.
   */
  public static int major(String version) {
    if (version == null) {
      return -1;
    }
    Matcher m = WIRE_VERSION.matcher(version);
    return m.matches() && m.group(1).length() <= MAX_MAJOR_DIGITS ? Integer.parseInt(m.group(1)) : -1;
  }
}
