package versions.bad;

import farm.moonx.events.annotations.EventType;
import farm.moonx.events.annotations.Upcast;

public final class Refunded {
  private Refunded() {}

  @EventType(value = "order.refunded", version = "2.0")
  public record V2(String orderId, long cents) {}

  @EventType(value = "order.refunded", version = "1.1")
  public record V1(String orderId) {}

  @EventType(value = "order.cancelled", version = "2.0")
  public record Cancelled(String orderId) implements Upcast<V2> {
    @Override
    public V2 upcast() {
      return new V2(orderId, 0);
    }
  }

  @EventType(value = "order.cancelled", version = "1.0")
  public record CancelledV1(String orderId) implements Upcast<String> {
    @Override
    public String upcast() {
      return orderId;
    }
  }

  @EventType(value = "order.returned", version = "1.0")
  public record Returned(String orderId) {}

  @EventType(value = "order.returned", version = "1.2")
  public record ReturnedAgain(String orderId) {}
}
