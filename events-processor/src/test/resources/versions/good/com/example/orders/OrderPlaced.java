package com.example.orders;

import farm.moonx.events.annotations.EventType;
import farm.moonx.events.annotations.PartitionKey;
import java.math.BigDecimal;
import java.util.Optional;

/** Version 3: the amount as a decimal with its currency, and an optional coupon. */
@EventType(value = "order.placed", version = "3.0")
public record OrderPlaced(@PartitionKey String orderId, BigDecimal amount, String currency, Optional<String> coupon) {}
