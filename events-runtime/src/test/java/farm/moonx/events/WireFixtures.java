package farm.moonx.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Loads the wire fixtures under src/test/resources/wire. */
public final class WireFixtures {
  public static final ObjectMapper TREES = new ObjectMapper();

  private WireFixtures() {}

  public static byte[] bytes(String name) {
    try (InputStream in = WireFixtures.class.getResourceAsStream("/wire/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture /wire/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The fixture's expected re-encoding: {@code name.expected.json} if present, else itself. */
  public static JsonNode expectedTree(String fixture) {
    String expected = fixture.replace(".json", ".expected.json");
    boolean exists = WireFixtures.class.getResource("/wire/" + expected) != null;
    return tree(bytes(exists ? expected : fixture));
  }

  public static JsonNode tree(byte[] json) {
    try {
      return TREES.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
