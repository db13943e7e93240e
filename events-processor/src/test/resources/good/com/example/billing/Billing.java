package com.example.billing;

import farm.moonx.events.annotations.EventConsumer;

@EventConsumer(name = "Billing", events = {"payment.processed", "kitchen.*"})
public final class Billing {
  private Billing() {}
}
