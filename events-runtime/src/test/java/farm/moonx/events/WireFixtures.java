package farm.moonx.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Loads the wire fixtures under src/test/resources/wire. */
final class WireFixtures {
  static final ObjectMapper TREES = new ObjectMapper();

  private WireFixtures() {}

  static byte[] bytes(String name) {
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
  static JsonNode expectedTree(String fixture) {
    String expected = fixture.replace(".json", ".expected.json");
    boolean exists = WireFixtures.class.getResource("/wire/" + expected) != null;
    return tree(bytes(exists ? expected : fixture));
  }

  static JsonNode tree(byte[] json) {
    try {
      return TREES.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
