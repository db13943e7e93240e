package com.example.payments;

import farm.moonx.events.annotations.DataClassification;
import farm.moonx.events.annotations.EventType;
import farm.moonx.events.annotations.PartitionKey;
import java.math.BigDecimal;
import java.time.Instant;

@EventType(value = "payment.processed", version = "1.2", classification = DataClassification.CONFIDENTIAL)
public record PaymentProcessed(
    String paymentId, @PartitionKey String userId, BigDecimal amount, String currency, Instant processedAt) {}
