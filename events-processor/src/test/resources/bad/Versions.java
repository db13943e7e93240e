package bad;

import farm.moonx.events.annotations.EventType;

public final class Versions {
  private Versions() {}

  @EventType(value = "order.leading", version = "1.02")
  public record LeadingZero(String id) {}

  @EventType(value = "order.patched", version = "1.2.3")
  public record WithPatch(String id) {}
}
