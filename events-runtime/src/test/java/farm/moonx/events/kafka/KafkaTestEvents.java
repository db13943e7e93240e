package farm.moonx.events.kafka;

import farm.moonx.events.EventDescriptor;
import farm.moonx.events.annotations.DataClassification;
import farm.moonx.events.spi.JacksonDatabindCodec;

/** Hand-written descriptors, as a service without the annotation processor would write them. */
final class KafkaTestEvents {
  static final EventDescriptor<Order> ORDER_PLACED = orderPlaced("orders");

  static final EventDescriptor<CardCharged> CARD_CHARGED =
      EventDescriptor.builder("card.charged", CardCharged.class, JacksonDatabindCodec.of(CardCharged.class))
          .classification(DataClassification.RESTRICTED)
          .topic("payments")
          .partitionKey(CardCharged::userId)
          .build();

  /** Internal, with one sensitive component, as the processor writes it for {@code @Sensitive}. */
  static final EventDescriptor<CardAdded> CARD_ADDED =
      EventDescriptor.builder("card.added", CardAdded.class, JacksonDatabindCodec.of(CardAdded.class))
          .classification(DataClassification.INTERNAL)
          .topic("cards")
          .partitionKey(CardAdded::userId)
          .sensitiveFields("cardNumber")
          .build();

  private KafkaTestEvents() {}

  /** The order descriptor on another topic (tests on the shared broker use their own topics). */
  static EventDescriptor<Order> orderPlaced(String topic) {
    return EventDescriptor.builder("order.placed", Order.class, JacksonDatabindCodec.of(Order.class))
        .classification(DataClassification.INTERNAL)
        .topic(topic)
        .partitionKey(Order::customerId)
        .validator((order, errors) -> {
          if (order.sequence() < 0) {
            errors.add("data.sequence: must not be negative");
          }
        })
        .build();
  }
}
