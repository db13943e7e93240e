package com.example.payments;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import farm.moonx.events.spi.CodecSupport;
import farm.moonx.events.spi.EventCodec;
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

  private static final SerializedString PAYMENT_ID = new SerializedString("paymentId");

  private static final SerializedString USER_ID = new SerializedString("userId");

  private static final SerializedString AMOUNT = new SerializedString("amount");

  private static final SerializedString CURRENCY = new SerializedString("currency");

  private static final SerializedString PROCESSED_AT = new SerializedString("processedAt");

  private PaymentProcessedCodec() {
  }

  @Override
  public void write(JsonGenerator generator, PaymentProcessed value) throws IOException {
    generator.writeStartObject();
    String paymentId = value.paymentId();
    if (paymentId != null) {
      generator.writeFieldName(PAYMENT_ID);
      generator.writeString(paymentId);
    }
    String userId = value.userId();
    if (userId != null) {
      generator.writeFieldName(USER_ID);
      generator.writeString(userId);
    }
    BigDecimal amount = value.amount();
    if (amount != null) {
      generator.writeFieldName(AMOUNT);
      generator.writeString(CodecSupport.decimalString(amount));
    }
    String currency = value.currency();
    if (currency != null) {
      generator.writeFieldName(CURRENCY);
      generator.writeString(currency);
    }
    Instant processedAt = value.processedAt();
    if (processedAt != null) {
      generator.writeFieldName(PROCESSED_AT);
      generator.writeNumber(processedAt.toEpochMilli());
    }
    generator.writeEndObject();
  }

  @Override
  public PaymentProcessed read(JsonParser parser) throws IOException {
    CodecSupport.expectObject(parser);
    String paymentId = null;
    String userId = null;
    BigDecimal amount = null;
    String currency = null;
    Instant processedAt = null;
    for (String field = parser.nextFieldName(); field != null; field = parser.nextFieldName()) {
      if (parser.nextToken() == JsonToken.VALUE_NULL) {
        continue;
      }
      switch (field) {
        case "paymentId":
          paymentId = CodecSupport.readString(parser);
          break;
        case "userId":
          userId = CodecSupport.readString(parser);
          break;
        case "amount":
          amount = CodecSupport.readBigDecimal(parser);
          break;
        case "currency":
          currency = CodecSupport.readString(parser);
          break;
        case "processedAt":
          processedAt = CodecSupport.readInstant(parser);
          break;
        default:
          parser.skipChildren();
      }
    }
    if (paymentId == null) {
      throw CodecSupport.missing(parser, "paymentId");
    }
    if (userId == null) {
      throw CodecSupport.missing(parser, "userId");
    }
    if (amount == null) {
      throw CodecSupport.missing(parser, "amount");
    }
    if (currency == null) {
      throw CodecSupport.missing(parser, "currency");
    }
    if (processedAt == null) {
      throw CodecSupport.missing(parser, "processedAt");
    }
    return new PaymentProcessed(paymentId, userId, amount, currency, processedAt);
  }
}
