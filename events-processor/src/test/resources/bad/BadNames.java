package bad;

import farm.moonx.events.annotations.EventType;

public final class BadNames {
  private BadNames() {}

  @EventType("userReg")
  public record CamelCase(String id) {}

  @EventType("Payment.Done")
  public record UpperCase(String id) {}

  @EventType("payment.")
  public record TrailingDot(String id) {}
}
