package com.example.billing;

import farm.moonx.events.annotations.EventType;

@EventType("payment.processed")
public record LocalDuplicate(String paymentId) {}
