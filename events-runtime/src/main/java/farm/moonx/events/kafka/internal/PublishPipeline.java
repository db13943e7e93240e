package farm.moonx.events.kafka.internal;

import farm.moonx.events.EventDescriptor;
import farm.moonx.events.EventEnvelope;
import farm.moonx.events.EventValidationException;
import farm.moonx.events.PublishOptions;
import farm.moonx.events.internal.EnvelopeValidator;
import farm.moonx.events.internal.ValidationResult;
import farm.moonx.events.kafka.EventPublisherConfig;
import farm.moonx.events.spi.EventFactory;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Everything a publish does before the producer: factory → validation → filters →
 * transformers → codec (filters decide, transformers shape: the same order as on consume). Nothing here touches Kafka, so an event rejected here was never sent.
 */
public final class PublishPipeline {
  private final EventPublisherConfig config;
  private final EventFactory factory;
  private final EnvelopeValidator validator = EnvelopeValidator.standard();
  private final EventRecords records;

  /** The pipeline {@code config} describes. */
  public PublishPipeline(EventPublisherConfig config) {
    this.config = config;
    // The envelope carries no service version (OpenTelemetry's service.version resource
    // attribute does), so the config has none; EventFactory still asks for one and writes it nowhere.
    this.factory = EventFactory.builder(config.serviceName())
        .partitionStrategy(config.partitionStrategy())
        .classificationStrategy(config.classificationStrategy())
        .build();
    this.records = new EventRecords(config.serializer(), config.cloudEventsHeaders());
  }

  /**
   * An event ready to send, or filtered out.
   *
   * @param envelope the final envelope
   * @param descriptor its descriptor
   * @param topic where it goes
   * @param record the record to send, or null when a filter rejected the event
   * @param <T> the record type
   */
  public record Prepared<T>(
      EventEnvelope<T> envelope, EventDescriptor<T> descriptor, String topic, ProducerRecord<String, byte[]> record) {
    /** Whether a filter rejected the event. */
    public boolean filtered() {
      return record == null;
    }
  }

  /**
   * Builds, checks and encodes one event.
   *
   * @throws EventValidationException listing every problem, if validation is on and fails
   */
  public <T> Prepared<T> prepare(EventDescriptor<T> descriptor, T data, PublishOptions options) {
    EventEnvelope<T> envelope = factory.create(descriptor, data, options);
    if (config.validationEnabled()) {
      ValidationResult result = validator.validate(envelope, descriptor);
      if (!result.valid()) {
        throw new EventValidationException(descriptor.name(), result.errors());
      }
    }
    String topic = config.mainTopic() != null ? config.mainTopic() : descriptor.topic();
    if (!Transformers.accepted(config.filters(), envelope)) {
      return new Prepared<>(envelope, descriptor, topic, null);
    }
    envelope = Transformers.apply(config.transformers(), envelope, descriptor);
    return new Prepared<>(envelope, descriptor, topic, records.toRecord(topic, envelope, descriptor));
  }
}
