/**
 * The Kafka side of moonx-events: {@link farm.moonx.events.kafka.KafkaEventPublisher} (publish
 * typed events through one idempotent producer) and
 * {@link farm.moonx.events.kafka.KafkaEventConsumer} (a consumer container with retry,
 * dead-lettering and at-least-once commits), their configs, and the record headers they use.
 * Everything under {@code internal} is not API.
 */
package farm.moonx.events.kafka;
