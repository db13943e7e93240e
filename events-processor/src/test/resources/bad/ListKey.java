package bad;

import farm.moonx.events.annotations.EventType;
import farm.moonx.events.annotations.PartitionKey;
import java.util.List;

@EventType("order.listed")
public record ListKey(
    @PartitionKey List<String> orderIds) {}
