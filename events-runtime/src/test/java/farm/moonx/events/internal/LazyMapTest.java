package farm.moonx.events.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import farm.moonx.events.Delivery;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A delivery's headers are read from the record only when a handler asks, and stay unmodifiable. */
class LazyMapTest {
  @Test
  void computesOnFirstUseOnlyAndReadsLikeTheMapItWraps() {
    AtomicInteger made = new AtomicInteger();
    Map<String, byte[]> headers = LazyMap.of(() -> {
      made.incrementAndGet();
      Map<String, byte[]> m = new LinkedHashMap<>();
      m.put("event-type", "order.placed".getBytes());
      return m;
    });
    Delivery delivery = new Delivery("orders", 0, 7, 0, "billing", 1, headers);
    assertThat(made).hasValue(0);

    assertThat(delivery.header("event-type")).contains("order.placed");
    assertThat(delivery.headers()).containsOnlyKeys("event-type").hasSize(1);
    assertThat(made).hasValue(1);
    assertThatThrownBy(() -> delivery.headers().put("x", new byte[0])).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> delivery.headers().entrySet().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aDeliveryCopiesAnyOtherMap() {
    Map<String, byte[]> mine = new LinkedHashMap<>(Map.of("k", new byte[] {1}));
    Delivery delivery = new Delivery("orders", 0, 7, 0, "billing", 1, mine);
    mine.clear();
    assertThat(delivery.headers()).containsOnlyKeys("k");
  }
}
