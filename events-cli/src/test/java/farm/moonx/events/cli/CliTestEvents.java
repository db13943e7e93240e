package farm.moonx.events.cli;

import farm.moonx.events.EventDescriptor;
import farm.moonx.events.EventRegistry;
import farm.moonx.events.annotations.DataClassification;
import farm.moonx.events.spi.JacksonDatabindCodec;
import java.util.Collection;
import java.util.Optional;

/** The catalog the CLI decodes with in tests, found through ServiceLoader as a generated one is. */
public final class CliTestEvents implements EventRegistry {
  /** {@code card.added} on topic {@code cli-cards}, with {@code cardNumber} sensitive. */
  public static final EventDescriptor<CardAdded> CARD_ADDED =
      EventDescriptor.builder("card.added", CardAdded.class, JacksonDatabindCodec.of(CardAdded.class))
          .classification(DataClassification.INTERNAL)
          .topic("cli-cards")
          .partitionKey(CardAdded::userId)
          .sensitiveFields("cardNumber")
          .build();

  private static final EventRegistry DELEGATE = EventRegistry.of(CARD_ADDED);

  @Override
  public Collection<EventDescriptor<?>> descriptors() {
    return DELEGATE.descriptors();
  }

  @Override
  public Optional<EventDescriptor<?>> find(String eventType) {
    return DELEGATE.find(eventType);
  }

  @Override
  public <T> Optional<EventDescriptor<T>> find(Class<T> type) {
    return DELEGATE.find(type);
  }
}
