package com.example.billing;

import farm.moonx.events.annotations.EventConsumer;

@EventConsumer(name = "Billing", events = {"payment.processed", "payment.failed"})
public final class Billing {
  private Billing() {}
}
