package farm.moonx.events.kafka.internal;

import static org.assertj.core.api.Assertions.assertThat;

import farm.moonx.events.spi.UnknownEventTypeException;
import farm.moonx.events.spi.UnknownEventVersionException;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogSafeTest {

  @Test
  void aSensitiveEventsHandlerMessageIsWithheldButItsClassKept() {
    Throwable logged = LogSafe.error(new IllegalStateException("card SECRET-4111 declined"), true);

    assertThat(logged.getMessage()).doesNotContain("SECRET").contains(IllegalStateException.class.getName());
    assertThat(LogSafe.errorClass(logged)).isEqualTo(IllegalStateException.class.getName());
  }

  @Test
  void routingErrorsQuoteNoDataSoTheirReasonStaysForTheDeadLetter() {
    UnknownEventVersionException version = new UnknownEventVersionException("payment.refunded", "3.0", List.of("1.3", "2.0"));
    UnknownEventTypeException type = new UnknownEventTypeException("payment.unheard-of");

    assertThat(LogSafe.error(version, true)).isSameAs(version);
    assertThat(LogSafe.error(type, true)).isSameAs(type);
  }
}
