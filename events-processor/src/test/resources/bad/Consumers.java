package bad;

import farm.moonx.events.annotations.EventConsumer;

public final class Consumers {
  private Consumers() {}

  @EventConsumer(name = "billing-service", events = "order.placed")
  public static final class BadName {}

  @EventConsumer(
      name = "Misspelled",
      events = {
          "order.placed",
          "order.plcaed"})
  public static final class Misspelled {}

  @EventConsumer(name = "Prefixed", events = {"refund.*"})
  public static final class Prefixed {}

  @EventConsumer(name = "Wildcard", events = {"order*"})
  public static final class Wildcard {}

  @EventConsumer(name = "Twice")
  public static final class Twice {}

  @EventConsumer(name = "Twice")
  public static final class TwiceAgain {}
}
