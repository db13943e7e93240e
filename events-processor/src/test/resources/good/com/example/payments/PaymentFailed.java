package com.example.payments;

import farm.moonx.events.annotations.EventType;
import farm.moonx.events.annotations.PartitionKey;
import java.util.Optional;

@EventType("payment.failed")
public record PaymentFailed(@PartitionKey long accountId, String paymentId, Optional<String> reason, int attempts) {}
