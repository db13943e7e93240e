package farm.moonx.events.benchmarks.baseline;

import io.avaje.json.JsonAdapter;
import io.avaje.json.JsonReader;
import io.avaje.json.JsonWriter;
import io.avaje.jsonb.CustomAdapter;
import java.time.Instant;

/** avaje-jsonb: {@code Instant} as epoch milliseconds. */
@CustomAdapter
public final class EpochMillisAdapter implements JsonAdapter<Instant> {
  @Override
  public void toJson(JsonWriter writer, Instant value) {
    writer.value(value.toEpochMilli());
  }

  @Override
  public Instant fromJson(JsonReader reader) {
    return Instant.ofEpochMilli(reader.readLong());
  }
}
