package farm.moonx.events.examples;

import farm.moonx.events.BatchPublishResult;
import farm.moonx.events.EventPublisher;
import farm.moonx.events.PublishOptions;
import farm.moonx.events.PublishResult;
import farm.moonx.events.examples.shop.ShopPublisher;
import farm.moonx.events.examples.shop.UserRegistered;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The accounts service: users sign up on the web one at a time, and partners import them in
 * pages. Both end as {@code user.registered} events, published with the generated
 * {@link ShopPublisher}.
 */
public final class SignupService {
  private final ShopPublisher events;

  /** Publishes through {@code publisher} (its service name becomes {@code metadata.source}). */
  public SignupService(EventPublisher publisher) {
    this.events = new ShopPublisher(publisher);
  }

  /**
   * One sign-up from the web, with the browser session it came from.
   *
   * @return completes when the broker has acknowledged the event
   */
  public CompletableFuture<PublishResult> register(UserRegistered user, String sessionId) {
    return events.userRegistered(user, PublishOptions.builder().userId(user.userId()).sessionId(sessionId).build());
  }

  /**
   * A page of sign-ups imported from a partner, as one batch: every event is validated before
   * any is sent, and the producer batches them on the wire.
   */
  public BatchPublishResult importAll(List<UserRegistered> users) {
    return events.publishAll(users);
  }
}
