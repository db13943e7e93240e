package farm.moonx.events.kafka.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * Derives the properties of a helper client (the health-check {@code Admin}, the dead-letter
 * producer) from a main client's: connection settings (bootstrap servers, SSL, SASL, timeouts)
 * carry over, settings the helper does not know, its id and interceptors do not.
 */
public final class ClientProperties {
  private ClientProperties() {}

  /**
   * The entries of {@code source} whose key is one of {@code configNames} (for example
   * {@code AdminClientConfig.configNames()}), with {@code client.id} set to {@code clientId}.
   */
  public static Map<String, Object> derive(Map<String, Object> source, Set<String> configNames, String clientId) {
    Map<String, Object> out = new LinkedHashMap<>();
    source.forEach((key, value) -> {
      if (configNames.contains(key) && !key.equals("interceptor.classes")) {
        out.put(key, value);
      }
    });
    out.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
    return out;
  }
}
