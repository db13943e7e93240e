package farm.moonx.events;

import farm.moonx.events.spi.EventCodec;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import farm.moonx.events.spi.CodecSupport;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;

/** A hand-written streaming codec, as the processor will generate: required paymentId and amount. */
public final class PaymentProcessedCodec implements EventCodec<PaymentProcessed> {
  @Override
  public void write(JsonGenerator g, PaymentProcessed v) throws IOException {
    g.writeStartObject();
    g.writeStringField("paymentId", v.paymentId());
    if (v.userId() != null) {
      g.writeStringField("userId", v.userId());
    }
    g.writeStringField("amount", CodecSupport.decimalString(v.amount()));
    if (v.currency() != null) {
      g.writeStringField("currency", v.currency());
    }
    if (v.processedAt() != null) {
      g.writeNumberField("processedAt", v.processedAt().toEpochMilli());
    }
    g.writeEndObject();
  }

  @Override
  public PaymentProcessed read(JsonParser p) throws IOException {
    String paymentId = null;
    String userId = null;
    BigDecimal amount = null;
    String currency = null;
    Instant processedAt = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken t = p.nextToken();
      switch (name) {
        case "paymentId" -> paymentId = string(p, t);
        case "userId" -> userId = string(p, t);
        case "amount" -> {
          String s = string(p, t);
          amount = s == null ? null : new BigDecimal(s);
        }
        case "currency" -> currency = string(p, t);
        case "processedAt" -> processedAt = t == JsonToken.VALUE_NULL ? null : Instant.ofEpochMilli(p.getLongValue());
        default -> p.skipChildren();
      }
    }
    if (paymentId == null) {
      throw new JsonParseException(p, "missing required field \"paymentId\"");
    }
    if (amount == null) {
      throw new JsonParseException(p, "missing required field \"amount\"");
    }
    return new PaymentProcessed(paymentId, userId, amount, currency, processedAt);
  }

  private static String string(JsonParser p, JsonToken t) throws IOException {
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t != JsonToken.VALUE_STRING) {
      throw new JsonParseException(p, "expected a string, found " + t);
    }
    return p.getText();
  }
}
