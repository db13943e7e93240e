package farm.moonx.events.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Field names are matched on bytes, word by word: every length, every position, every near miss. */
class JsonFieldsTest {
  @Test
  void matchesANameExactlyFollowedByItsQuoteAtAnyLengthAndPosition() {
    String alphabet = "abcdefghijklmnopqrstuvwxyz";
    for (int length = 1; length <= 20; length++) {
      String name = alphabet.substring(0, length);
      JsonFields fields = JsonFields.of(name);
      for (String before : new String[] {"", "{\"", "{\"xxxxxxxxxxxxxxxxxxxx\":1,\""}) {
        for (String after : new String[] {"\"", "\":1}", "\":1,\"padding-to-be-long\":2}"}) {
          byte[] body = (before + name + after).getBytes(StandardCharsets.UTF_8);
          assertThat(fields.isAt(0, body, before.length())).as(before + name + after).isTrue();
          // One byte changed anywhere in the name, or the name going on: not a match.
          for (int i = 0; i < length; i++) {
            byte[] changed = body.clone();
            changed[before.length() + i] = 'Z';
            assertThat(fields.isAt(0, changed, before.length())).as("changed at %d of %s", i, name).isFalse();
          }
          byte[] longer = (before + name + "x" + after).getBytes(StandardCharsets.UTF_8);
          assertThat(fields.isAt(0, longer, before.length())).isFalse();
          if (length > 1) {
            byte[] shorter = (before + name.substring(0, length - 1) + after).getBytes(StandardCharsets.UTF_8);
            assertThat(fields.isAt(0, shorter, before.length())).isFalse();
          }
        }
      }
      byte[] unterminated = name.getBytes(StandardCharsets.UTF_8);
      assertThat(fields.isAt(0, unterminated, 0)).isFalse();
    }
  }

  @Test
  void findsAFieldAfterOmittedOnesBeforeTheExpectedOneAndAmongAnagrams() {
    JsonFields fields = JsonFields.of("ab", "ba", "note?", "amount", "abc");
    byte[] body = "\"ba\"\"amount\"\"ab\"\"zz\"\"abc\"\"ab\\u0063\"".getBytes(StandardCharsets.UTF_8);
    assertThat(fields.find(0, body, 1)).isEqualTo(1); // "ab" has the same bytes in another order
    assertThat(fields.find(2, body, 5)).isEqualTo(3); // "note" omitted
    assertThat(fields.find(3, body, 13)).isEqualTo(0); // before the expected one
    assertThat(fields.find(0, body, 17)).isEqualTo(-1);
    assertThat(fields.find(0, body, 21)).isEqualTo(4); // "ab" is a prefix of it, not a match
    assertThat(fields.find(0, body, 27)).isEqualTo(-1); // names as written: JsonIn decodes an escaped one
    assertThat(fields.nameLength(3)).isEqualTo(6);
  }
}
