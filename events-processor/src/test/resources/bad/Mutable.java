package bad;

import farm.moonx.events.annotations.EventType;
import java.util.Date;

@EventType("order.dated")
public record Mutable(
    String orderId,
    Date placedAt,
    @SuppressWarnings("moonx-mutable") int[] quantities,
    byte[] signature) {}
