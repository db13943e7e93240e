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
  /** Majors beyond this are not versions anyone declares; the bound keeps parsing exact. */
  private static final int MAX_MAJOR_DIGITS = 9;
  private static final int INVALID = -1;
  private static final int MAJOR_TOO_LONG = -2;

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
    return version != null && scan(version, 2) != INVALID;
  }

  /**
   * Whether {@code version} is a version as a reader accepts it from the wire: an event version,
   * or a bare major ({@code "1"}, which some TypeScript services write for {@code "1.0"}).
   */
  public static boolean isWireVersion(String version) {
    return version != null && scan(version, 1) != INVALID;
  }

  /**
   * The major of a version as declared or read from the wire ({@code "1"}, {@code "1.3"},
   * {@code "2.0.1"}): only it picks the record an event is read with, since minor versions of
   * one major are compatible. -1 if {@code version} is not a wire version.
   */
  public static int major(String version) {
    return version == null ? -1 : Math.max(scan(version, 1), -1);
  }

  /**
   * Scans {@code version} as {@code minParts} to 3 dot-separated non-negative integers without
   * leading zeros; returns its major, {@link #INVALID} if it is no such version, or
   * {@link #MAJOR_TOO_LONG}. By hand rather than by regular expression: a consumer reads a
   * version from every envelope.
   */
  private static int scan(String version, int minParts) {
    int n = version.length();
    int i = 0;
    int major = INVALID;
    for (int part = 1; ; part++) {
      int start = i;
      while (i < n && version.charAt(i) >= '0' && version.charAt(i) <= '9') {
        i++;
      }
      if (i == start || i - start > 1 && version.charAt(start) == '0') {
        return INVALID;
      }
      if (part == 1) {
        major = i - start > MAX_MAJOR_DIGITS ? MAJOR_TOO_LONG : Integer.parseInt(version, start, i, 10);
      }
      if (i == n) {
        return part >= minParts ? major : INVALID;
      }
      if (part == 3 || version.charAt(i) != '.') {
        return INVALID;
      }
      i++;
    }
  }
}
