package versions.bad;

import farm.moonx.events.annotations.EventType;
import farm.moonx.events.annotations.Upcast;

public final class Shipped {
  private Shipped() {}

  @EventType(value = "order.shipped", version = "3.0")
  public record V3(String orderId, String carrier) {}

  @EventType(value = "order.shipped", version = "2.0")
  public record V2(String orderId) implements Upcast<V1> {
    @Override
    public V1 upcast() {
      return new V1(orderId);
    }
  }

  @EventType(value = "order.shipped", version = "1.4")
  public record V1(String orderId) implements Upcast<V2> {
    @Override
    public V2 upcast() {
      return new V2(orderId);
    }
  }
}
