package farm.moonx.events.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one text form of decimals: plain for money, scientific where plain would lose or explode. */
class DecimalStringTest {
  @ParameterizedTest
  @CsvSource({
      "12.50, 12.50",
      "-3.10, -3.10",
      "0, 0",
      "2500.00, 2500.00",
      "0.00000001, 0.00000001",
      "0.000000000000000000001, 0.000000000000000000001",
      "98765432109876543210.0123456789, 98765432109876543210.0123456789",
      "1E+400, 1E+400",
      "-1.5E+3, -1.5E+3",
      "1E+100000000, 1E+100000000",
      "1E-100000000, 1E-100000000"})
  void writesPlainOnlyWhereThatKeepsScaleAndLength(String value, String written) throws Exception {
    BigDecimal decimal = new BigDecimal(value);
    String text = CodecSupport.decimalString(decimal);
    assertThat(text).isEqualTo(written);
    BigDecimal back = readBack(text);
    assertThat(back).isEqualTo(decimal); // equals: value and scale
    assertThat(back.scale()).isEqualTo(decimal.scale());
  }

  @Test
  void plainNotationStopsAtAHundredLeadingZeros() throws Exception {
    BigDecimal hundredZeros = BigDecimal.ONE.movePointLeft(101); // 0.(100 zeros)1
    BigDecimal oneMore = BigDecimal.ONE.movePointLeft(102);
    assertThat(CodecSupport.decimalString(hundredZeros)).isEqualTo("0." + "0".repeat(100) + "1");
    assertThat(CodecSupport.decimalString(oneMore)).isEqualTo("1E-102");
    assertThat(readBack(CodecSupport.decimalString(oneMore))).isEqualTo(oneMore);
  }

  /**
   * Short plain decimals (amounts) are read from the bytes without {@code new BigDecimal(String)}:
   * as a string or a JSON number, each must read exactly as {@code new BigDecimal} reads it
   * (value and scale), at the edges of that path too; what it does not take falls back.
   */
  @ParameterizedTest
  @CsvSource({"12.50", "-3.10", "0", "-0", "-0.00", "007.50", "123456789012345678", "-123456789012345678",
      "12345678901234567.8", "1234567890123456789", "0.000000000000000001", ".5", "5.", "+1.5", "1e3", "-1.5E-3"})
  void readsEveryDecimalAsBigDecimalReadsIt(String text) throws Exception {
    BigDecimal expected = new BigDecimal(text);
    assertThat(readBack(text)).isEqualTo(expected);
    assertThat(readBack(text).scale()).isEqualTo(expected.scale());
    if (text.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?")) { // a JSON number too
      JsonIn in = JsonIn.of(("[" + text + "]").getBytes(java.nio.charset.StandardCharsets.UTF_8), "");
      in.firstElement();
      assertThat(CodecSupport.readBigDecimal(in)).isEqualTo(expected);
      assertThat(in.nextElement()).isFalse();
    }
  }

  @Test
  void aMalformedDecimalStringIsStillAnError() {
    for (String text : new String[] {"", "-", "1.2.3", "1..2", "12a", "1 2"}) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> readBack(text)).as(text)
          .isInstanceOf(MalformedEventException.class);
    }
  }

  /** Amount-sized decimals are written straight into the buffer: exactly decimalString's text. */
  @ParameterizedTest
  @CsvSource({"12.50", "-3.10", "0", "0.00", "0.005", "-0.005", "100", "-7", "123456789012345678",
      "-123456789012345678", "0.123456789012345678", "1.000000000000000000", "1E+3", "1234567890123456789",
      "0.0000000000000000001", "98765432109876543210.0123456789"})
  void writesTheTextDecimalStringGives(String value) {
    BigDecimal decimal = new BigDecimal(value);
    JsonOut out = JsonOut.create();
    out.beginArray();
    out.decimal(decimal);
    out.decimal(decimal);
    out.endArray();
    String quoted = "\"" + CodecSupport.decimalString(decimal) + "\"";
    assertThat(new String(out.toByteArray(), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("[" + quoted + "," + quoted + "]");
  }

  private static BigDecimal readBack(String text) throws Exception {
    JsonIn in = JsonIn.of(("\"" + text + "\"").getBytes(java.nio.charset.StandardCharsets.UTF_8), "");
    return CodecSupport.readBigDecimal(in);
  }
}
