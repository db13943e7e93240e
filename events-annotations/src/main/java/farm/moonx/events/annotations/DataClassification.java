package farm.moonx.events.annotations;

import java.util.Locale;

/**
 * How sensitive an event's data is. Written lowercase on the wire ({@code "confidential"}),
 * exactly as the TypeScript services write it.
 *
 * <p>Events classified {@link #CONFIDENTIAL} or {@link #RESTRICTED} never have their
 * {@code data} written to log lines by the runtime: only their ids and types.
 */
public enum DataClassification {
  /** May be shown to anyone. */
  PUBLIC,
  /** For the organisation's own services; the default when nothing else is declared. */
  INTERNAL,
  /** Personal or business-sensitive data; never logged. */
  CONFIDENTIAL,
  /** The most sensitive data (credentials, payment instruments); never logged. */
  RESTRICTED;

  /** {@code values()} copies its array on every call; a consumer looks one up per envelope. */
  private static final DataClassification[] ALL = values();

  private final String wireName = name().toLowerCase(Locale.ROOT);

  /** The lowercase name used in the JSON envelope, e.g. {@code "confidential"}. */
  public String wireName() {
    return wireName;
  }

  /** Whether the runtime must keep this event's data out of logs. */
  public boolean isSensitive() {
    return this == CONFIDENTIAL || this == RESTRICTED;
  }

  /**
   * The classification with the given wire name ({@code "public"}, {@code "internal"},
   * {@code "confidential"}, {@code "restricted"}; case-insensitive).
   *
   * @throws IllegalArgumentException naming the accepted values if {@code wireName} is none of them
   */
  public static DataClassification fromWireName(String wireName) {
    for (DataClassification c : ALL) {
      if (c.wireName.equalsIgnoreCase(wireName)) {
        return c;
      }
    }
    throw new IllegalArgumentException(
        "unknown data classification \"" + wireName + "\"; expected one of public, internal, confidential, restricted");
  }
}
