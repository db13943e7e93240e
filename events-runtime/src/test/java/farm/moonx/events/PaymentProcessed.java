package farm.moonx.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Instant;

/** Test event record, shaped like the design's example; {@code amount} is a decimal string on the wire. */
public record PaymentProcessed(
    String paymentId,
    String userId,
    @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
    String currency,
    Instant processedAt) {}
