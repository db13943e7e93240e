package farm.moonx.events.examples.boot;

import farm.moonx.events.Delivery;
import farm.moonx.events.EventEnvelope;
import farm.moonx.events.examples.boot.shop.PaymentProcessed;
import farm.moonx.events.examples.boot.shop.ShopHandler;
import farm.moonx.events.examples.boot.shop.UserRegistered;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/**
 * Keeps a trail of every shop event: it implements the whole generated {@code ShopHandler}, so a
 * new event in the catalog breaks this class until it audits that event too. Kafka delivers at
 * least once: an event redelivered is kept once (by event id).
 */
@Service
public class AuditService implements ShopHandler {

  private final Map<String, Set<String>> eventIdsByType = new ConcurrentHashMap<>();
  private final Set<String> typeAndUser = ConcurrentHashMap.newKeySet();

  @Override
  public void onUserRegistered(EventEnvelope<UserRegistered> event, Delivery delivery) {
    record(event, event.data().userId());
  }

  @Override
  public void onPaymentProcessed(EventEnvelope<PaymentProcessed> event, Delivery delivery) {
    record(event, event.data().userId());
  }

  private void record(EventEnvelope<?> event, String userId) {
    eventIdsByType.computeIfAbsent(event.eventType(), type -> ConcurrentHashMap.newKeySet())
        .add(event.metadata().eventId());
    typeAndUser.add(event.eventType() + " " + userId);
  }

  /** Whether an event of {@code eventType} about {@code userId} was audited. */
  public boolean saw(String eventType, String userId) {
    return typeAndUser.contains(eventType + " " + userId);
  }

  /** How many distinct events of {@code eventType} were audited. */
  public int count(String eventType) {
    Set<String> ids = eventIdsByType.get(eventType);
    return ids == null ? 0 : ids.size();
  }
}
