package farm.moonx.events.spi;

import java.util.List;

/**
 * A message carries a registered event type in a major version that no record of this service
 * reads (or a version that is not {@code major.minor} at all). Dead-lettered like an unknown
 * type; the message names the versions this service reads.
 */
public class UnknownEventVersionException extends UnknownEventTypeException {
  private static final long serialVersionUID = 1L;

  /** The version found in the message. */
  private final String eventVersion;

  /** An exception for {@code eventVersion} of {@code eventType}, which reads {@code readable}. */
  public UnknownEventVersionException(String eventType, String eventVersion, List<String> readable) {
    super(eventType, "event \"" + eventType + "\" has version \"" + eventVersion + "\", whose major this service"
        + " does not read; it reads majors " + majors(readable) + " (versions " + String.join(", ", readable) + ")");
    this.eventVersion = eventVersion;
  }

  /** The version found in the message. */
  public String eventVersion() {
    return eventVersion;
  }

  private static String majors(List<String> versions) {
    StringBuilder sb = new StringBuilder();
    for (String v : versions) {
      int dot = v.indexOf('.');
      sb.append(sb.length() == 0 ? "" : ", ").append(dot < 0 ? v : v.substring(0, dot));
    }
    return sb.toString();
  }
}
