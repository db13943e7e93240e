package farm.moonx.events.benchmarks.baseline;

import io.avaje.json.JsonAdapter;
import io.avaje.json.JsonReader;
import io.avaje.json.JsonWriter;
import io.avaje.jsonb.CustomAdapter;
import java.math.BigDecimal;

/** avaje-jsonb: {@code BigDecimal} as a JSON string, as the envelope carries amounts. */
@CustomAdapter
public final class DecimalStringAdapter implements JsonAdapter<BigDecimal> {
  @Override
  public void toJson(JsonWriter writer, BigDecimal value) {
    writer.value(value.toPlainString());
  }

  @Override
  public BigDecimal fromJson(JsonReader reader) {
    return new BigDecimal(reader.readString());
  }
}
