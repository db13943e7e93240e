package com.example.orders;

import com.example.orders.events.OrderPlaced;
import com.example.orders.events.OrdersHandler;
import farm.moonx.events.Delivery;
import farm.moonx.events.EventEnvelope;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Ships what was ordered; implements the generated handler, so a new event must be handled here. */
public final class Shipping implements OrdersHandler {

  private final List<String> shipped = new CopyOnWriteArrayList<>();

  @Override
  public void onOrderPlaced(EventEnvelope<OrderPlaced> event, Delivery delivery) {
    shipped.add(event.data().orderId());
  }

  /** @return the ids of the orders shipped so far */
  public List<String> shipped() {
    return shipped;
  }
}
