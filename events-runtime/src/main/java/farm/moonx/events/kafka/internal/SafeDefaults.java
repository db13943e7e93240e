package farm.moonx.events.kafka.internal;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs client properties that weaken a default the runtime relies on for not losing or
 * exposing events: {@code acks} other than all, idempotence off, TLS host name verification
 * off. Allowed (a service may have its reasons) but never silent.
 */
public final class SafeDefaults {
  private static final Logger LOG = LoggerFactory.getLogger(SafeDefaults.class);

  private SafeDefaults() {}

  /** Warns about each weakened default in {@code properties} of the client {@code what}. */
  public static void warnIfWeakened(String what, Map<String, Object> properties) {
    Object acks = properties.get("acks");
    if (acks != null && !"all".equals(acks.toString()) && !"-1".equals(acks.toString())) {
      LOG.warn("{}: acks={} instead of all: a broker failure can lose acknowledged events", what, acks);
    }
    Object idempotence = properties.get("enable.idempotence");
    if (idempotence != null && "false".equalsIgnoreCase(idempotence.toString())) {
      LOG.warn("{}: enable.idempotence=false: a retried send can write an event twice", what);
    }
    Object endpoint = properties.get("ssl.endpoint.identification.algorithm");
    if (endpoint != null && endpoint.toString().isBlank()) {
      LOG.warn("{}: ssl.endpoint.identification.algorithm is empty: the broker's TLS host name is not verified", what);
    }
  }
}
