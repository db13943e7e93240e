package farm.moonx.events.examples;

import farm.moonx.events.examples.shop.ShopEvents;
import java.time.Duration;

/**
 * What one run of the demo does.
 *
 * @param users how many users sign up
 * @param runId empty to use the catalog's topic and plain group names (a fresh broker), else a
 *     suffix that keeps this run's topics and groups apart from earlier ones on a shared cluster
 * @param timeout how long to wait for every event to be handled
 * @param animate whether progress lines redraw themselves (a terminal) or print once
 */
record ShopSettings(int users, String runId, Duration timeout, boolean animate) {

  ShopSettings {
    if (users < 1) {
      throw new IllegalArgumentException("users must be at least 1, not " + users);
    }
  }

  /** The shop topic: the catalog's, or the catalog's with the run id. */
  String topic() {
    String topic = ShopEvents.USER_REGISTERED.topic();
    return runId.isEmpty() ? topic : topic + "." + runId;
  }

  /** Where consumers put what they cannot handle. */
  String deadLetterTopic() {
    return topic() + ".dlq";
  }

  /** The consumer group of {@code service}. */
  String group(String service) {
    return runId.isEmpty() ? service : service + "." + runId;
  }
}
