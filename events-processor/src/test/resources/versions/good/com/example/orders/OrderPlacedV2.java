package com.example.orders;

import farm.moonx.events.annotations.EventType;
import farm.moonx.events.annotations.PartitionKey;
import farm.moonx.events.annotations.Upcast;
import java.math.BigDecimal;
import java.util.Optional;

/** Version 2: a decimal amount, always in USD. */
@EventType(value = "order.placed", version = "2.1")
public record OrderPlacedV2(@PartitionKey String orderId, BigDecimal amount) implements Upcast<OrderPlaced> {
  @Override
  public OrderPlaced upcast() {
    return new OrderPlaced(orderId, amount, "USD", Optional.empty());
  }
}
