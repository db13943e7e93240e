package com.example.orders;

import farm.moonx.events.annotations.EventType;
import farm.moonx.events.annotations.PartitionKey;
import farm.moonx.events.annotations.Upcast;
import java.math.BigDecimal;

/** Version 1: the amount in cents. */
@EventType(value = "order.placed", version = "1.3")
public record OrderPlacedV1(@PartitionKey String orderId, long cents) implements Upcast<OrderPlacedV2> {
  @Override
  public OrderPlacedV2 upcast() {
    return new OrderPlacedV2(orderId, BigDecimal.valueOf(cents, 2));
  }
}
