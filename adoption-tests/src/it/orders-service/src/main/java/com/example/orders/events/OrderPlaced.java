package com.example.orders.events;

import farm.moonx.events.annotations.EventType;
import farm.moonx.events.annotations.PartitionKey;

/**
 * An order was placed.
 *
 * @param orderId the order
 * @param customerId who placed it; orders of one customer stay in order
 * @param quantity how many items
 */
@EventType(value = "order.placed", version = "1.0")
public record OrderPlaced(String orderId, @PartitionKey String customerId, int quantity) {}
