package com.example.payments;

import farm.moonx.events.spi.CodecSupport;
import farm.moonx.events.spi.EventCodec;
import farm.moonx.events.spi.JsonFields;
import farm.moonx.events.spi.JsonIn;
import farm.moonx.events.spi.JsonOut;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import javax.annotation.processing.Generated;

/**
 * Writes and reads {@link PaymentProcessed} as JSON, without reflection.
 */
@Generated("farm.moonx.events.processor.EventProcessor")
public final class PaymentProcessedCodec implements EventCodec<PaymentProcessed> {
  /**
   * The codec; it holds no state.
   */
  public static final PaymentProcessedCodec INSTANCE = new PaymentProcessedCodec();

  private static final JsonFields FIELDS = JsonFields.of("paymentId", "userId", "amount", "currency", "processedAt");

  private PaymentProcessedCodec() {
  }

  @Override
  public void write(JsonOut out, PaymentProcessed value) {
    out.beginObject();
    out.string(FIELDS, 0, value.paymentId());
    out.string(FIELDS, 1, value.userId());
    out.decimal(FIELDS, 2, value.amount());
    out.string(FIELDS, 3, value.currency());
    out.instant(FIELDS, 4, value.processedAt());
    out.endObject();
  }

  @Override
  public PaymentProcessed read(JsonIn in) throws IOException {
    String paymentId = null;
    String userId = null;
    BigDecimal amount = null;
    String currency = null;
    Instant processedAt = null;
    for (int field = in.firstField(FIELDS); field != JsonIn.END; field = in.nextField(FIELDS)) {
      switch (field) {
        case 0 -> paymentId = CodecSupport.readString(in);
        case 1 -> userId = CodecSupport.readString(in);
        case 2 -> amount = CodecSupport.readBigDecimal(in);
        case 3 -> currency = CodecSupport.readString(in);
        case 4 -> processedAt = CodecSupport.readInstant(in);
      }
    }
    return new PaymentProcessed(paymentId, userId, amount, currency, processedAt);
  }
}
