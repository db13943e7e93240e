package bad;

import farm.moonx.events.annotations.EventType;

@EventType("order.secretive")
public record Secretive(String orderId, Level level) {
  private enum Level { LOW, HIGH }
}
