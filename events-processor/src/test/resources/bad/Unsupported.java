package bad;

import farm.moonx.events.annotations.EventType;
import java.util.Map;

@EventType("order.unsupported")
public record Unsupported(
    String orderId,
    Object anything,
    Map<Integer, String> byNumber) {}
