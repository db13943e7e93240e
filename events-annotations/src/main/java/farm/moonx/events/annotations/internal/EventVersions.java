package farm.moonx.events.annotations.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The event version grammar, shared by the processor and the runtime: {@code major.minor}
 * when declared ({@code "1.0"}, {@code "2.3"}). Read from the wire, only the leading major
 * counts: a bare major ({@code "1"}, as some TypeScript services write it) means
 * {@code major.0}, and extra parts ({@code "1.0.2"}) are tolerated.
 */
public final class EventVersions {
  private static final Pattern DECLARED = Pattern.compile("(0|[1-9][0-9]{0,8})\\.(0|[1-9][0-9]{0,8})");
  private static final Pattern WIRE = Pattern.compile("([0-9]{1,9})(?:\\.([0-9]{1,9}))?(?:\\.[0-9]{1,9})*");

  private EventVersions() {}

  /** Whether {@code version} is a valid declared version, {@code major.minor}. */
  public static boolean isValid(String version) {
    return version != null && DECLARED.matcher(version).matches();
  }

  /**
   * The major of a version as declared or read from the wire ({@code "1"}, {@code "1.3"}), or
   * -1 if it is neither.
   */
  public static int major(String version) {
    if (version == null) {
      return -1;
    }
    Matcher m = WIRE.matcher(version.trim());
    return m.matches() ? Integer.parseInt(m.group(1)) : -1;
  }

  /** {@code "1"} as {@code "1.0"}; other versions unchanged; null if not a version. */
  public static String normalize(String version) {
    if (version == null) {
      return null;
    }
    Matcher m = WIRE.matcher(version.trim());
    if (!m.matches()) {
      return null;
    }
    return m.group(2) == null ? m.group(1) + ".0" : version.trim();
  }
}
