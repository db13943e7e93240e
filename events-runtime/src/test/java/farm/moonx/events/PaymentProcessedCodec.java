package farm.moonx.events;

import farm.moonx.events.spi.CodecSupport;
import farm.moonx.events.spi.EventCodec;
import farm.moonx.events.spi.JsonFields;
import farm.moonx.events.spi.JsonIn;
import farm.moonx.events.spi.JsonOut;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;

/** A hand-written codec, as the processor generates them: required paymentId and amount. */
public final class PaymentProcessedCodec implements EventCodec<PaymentProcessed> {
  private static final JsonFields FIELDS = JsonFields.of("paymentId?", "userId?", "amount?", "currency?", "processedAt?");

  @Override
  public void write(JsonOut out, PaymentProcessed v) {
    out.beginObject();
    out.string(FIELDS, 0, v.paymentId());
    out.string(FIELDS, 1, v.userId());
    out.decimal(FIELDS, 2, v.amount());
    out.string(FIELDS, 3, v.currency());
    out.instant(FIELDS, 4, v.processedAt());
    out.endObject();
  }

  @Override
  public PaymentProcessed read(JsonIn in) throws IOException {
    String paymentId = null;
    String userId = null;
    BigDecimal amount = null;
    String currency = null;
    Instant processedAt = null;
    for (int f = in.firstField(FIELDS); f != JsonIn.END; f = in.nextField(FIELDS)) {
      switch (f) {
        case 0 -> paymentId = in.string();
        case 1 -> userId = in.string();
        case 2 -> {
          if (in.token() != '"') { // this codec takes the services' form only, as the tests rely on
            throw in.typeError("a string");
          }
          amount = CodecSupport.readBigDecimal(in);
        }
        case 3 -> currency = in.string();
        case 4 -> processedAt = CodecSupport.readInstant(in);
        default -> throw new IllegalStateException("field " + f);
      }
    }
    if (paymentId == null) {
      throw in.error("missing required field \"paymentId\"");
    }
    if (amount == null) {
      throw in.error("missing required field \"amount\"");
    }
    return new PaymentProcessed(paymentId, userId, amount, currency, processedAt);
  }
}
