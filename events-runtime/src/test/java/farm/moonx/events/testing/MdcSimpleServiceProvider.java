package farm.moonx.events.testing;

import farm.moonx.events.internal.EventMdc;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.simple.SimpleServiceProvider;
import org.slf4j.spi.MDCAdapter;

/**
 * slf4j-simple with a working MDC (its own MDC adapter is a no-op), so tests can observe what
 * EventMdc puts there, as with logback in production. Selected in the surefire configuration
 * through the {@code slf4j.provider} system property.
 */
public final class MdcSimpleServiceProvider extends SimpleServiceProvider {
  private final MDCAdapter mdc = new BasicMDCAdapter();

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdc;
  }
}
