package farm.moonx.events;

import static org.assertj.core.api.Assertions.assertThat;

import farm.moonx.events.annotations.EventNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The version grammar both the processor and the runtime read (a consumer reads a version from
 * every envelope, so it is scanned by hand): pinned against the grammar written as regular
 * expressions, on the cases people write and on random strings of digits and dots.
 */
class EventNamesTest {
  private static final String NUMBER = "(?:0|[1-9][0-9]*)";
  private static final Pattern DECLARED = Pattern.compile(NUMBER + "\\." + NUMBER + "(?:\\." + NUMBER + ")?");
  private static final Pattern WIRE = Pattern.compile("(" + NUMBER + ")(?:\\.(" + NUMBER + ")(?:\\." + NUMBER + ")?)?");

  @Test
  void versionsAsPeopleWriteThem() {
    assertThat(EventNames.isVersion("1.0")).isTrue();
    assertThat(EventNames.isVersion("2.3.1")).isTrue();
    assertThat(EventNames.isVersion("1")).isFalse();
    assertThat(EventNames.isVersion("1.02")).isFalse();
    assertThat(EventNames.isVersion("v1.0")).isFalse();
    assertThat(EventNames.isVersion("1.0.0.0")).isFalse();
    assertThat(EventNames.isWireVersion("1")).isTrue();
    assertThat(EventNames.isWireVersion("")).isFalse();
    assertThat(EventNames.major("1")).isEqualTo(1);
    assertThat(EventNames.major("12.3")).isEqualTo(12);
    assertThat(EventNames.major("2.0.1")).isEqualTo(2);
    assertThat(EventNames.major("01.0")).isEqualTo(-1);
    assertThat(EventNames.major("1234567890.0")).isEqualTo(-1); // more digits than any declared major
    assertThat(EventNames.isWireVersion("1234567890.0")).isTrue();
    assertThat(EventNames.major(null)).isEqualTo(-1);
  }

  @Test
  void agreesWithTheGrammarOnRandomStrings() {
    Random random = new Random(11);
    String alphabet = "0123456789..x";
    List<String> samples = new ArrayList<>(List.of("", ".", "0", "00", "0.0", "1.", ".1", "1..2", "1.2.", "9999999999"));
    for (int i = 0; i < 20_000; i++) {
      StringBuilder s = new StringBuilder();
      for (int n = random.nextInt(12); n > 0; n--) {
        s.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      samples.add(s.toString());
    }
    for (String v : samples) {
      Matcher wire = WIRE.matcher(v);
      boolean isWire = wire.matches();
      assertThat(EventNames.isVersion(v)).as(v).isEqualTo(DECLARED.matcher(v).matches());
      assertThat(EventNames.isWireVersion(v)).as(v).isEqualTo(isWire);
      int major = isWire && wire.group(1).length() <= 9 ? Integer.parseInt(wire.group(1)) : -1;
      assertThat(EventNames.major(v)).as(v).isEqualTo(major);
    }
  }
}
