package bad;

import farm.moonx.events.annotations.EventType;
import farm.moonx.events.annotations.PartitionKey;

@EventType("order.keyed")
public record TwoKeys(
    @PartitionKey String orderId,
    @PartitionKey String customerId) {}
