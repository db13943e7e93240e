package com.example.billing;

import farm.moonx.events.annotations.EventConsumer;

@EventConsumer(
    name = "Refunds",
    events = {
        "payment.proccessed"})
public final class Misspelled {
  private Misspelled() {}
}
