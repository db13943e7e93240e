package farm.moonx.events;

import farm.moonx.events.annotations.DataClassification;
import farm.moonx.events.internal.EnvelopeValidator;
import farm.moonx.events.internal.FrozenMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The envelope's {@code metadata} object, field for field as the TypeScript services write it.
 * Optional fields are {@code null} when absent and are then omitted from the JSON.
 *
 * @param eventId unique id of this event (a UUID string)
 * @param eventType the event name, e.g. {@code payment.processed}
 * @param eventVersion the schema version of the data, e.g. {@code 1.0}
 * @param correlationId the id shared by every event of one business flow
 * @param causationId the {@code eventId} of the event that caused this one, or null
 * @param timestamp creation time in epoch milliseconds; 0 if a decoded message had none
 *     ({@code EnvelopeValidator} reports that)
 * @param source the name of the service that created the event
 * @param userId the user the event concerns, or null
 * @param sessionId the user's session, or null
 * @param tenantId the tenant, or null
 * @param dataClassification how sensitive the data is, or null
 * @param partition the partition key (the Kafka record key), or null
 * @param context free-form extra context (unmodifiable), or null
 */
public record EventMetadata(
    String eventId,
    String eventType,
    String eventVersion,
    String correlationId,
    String causationId,
    long timestamp,
    String source,
    String userId,
    String sessionId,
    String tenantId,
    DataClassification dataClassification,
    String partition,
    Map<String, Object> context) {

  /** Makes {@code context} an unmodifiable copy (keeping its order). */
  public EventMetadata {
    context = context == null ? null : FrozenMap.copyOf(context);
  }

  /** A builder with every field empty. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this metadata's fields, to derive a changed copy. */
  public Builder toBuilder() {
    return new Builder()
        .eventId(eventId)
        .eventType(eventType)
        .eventVersion(eventVersion)
        .correlationId(correlationId)
        .causationId(causationId)
        .timestamp(timestamp)
        .source(source)
        .userId(userId)
        .sessionId(sessionId)
        .tenantId(tenantId)
        .dataClassification(dataClassification)
        .partition(partition)
        .context(context);
  }

  /** Builds {@link EventMetadata}; no field is checked here (see {@code EnvelopeValidator}). */
  public static final class Builder {
    private String eventId;
    private String eventType;
    private String eventVersion;
    private String correlationId;
    private String causationId;
    private long timestamp;
    private String source;
    private String userId;
    private String sessionId;
    private String tenantId;
    private DataClassification dataClassification;
    private String partition;
    private Map<String, Object> context;

    private Builder() {}

    /** Sets {@code eventId}. */
    public Builder eventId(String eventId) {
      this.eventId = eventId;
      return this;
    }

    /** Sets {@code eventType}. */
    public Builder eventType(String eventType) {
      this.eventType = eventType;
      return this;
    }

    /** Sets {@code eventVersion}. */
    public Builder eventVersion(String eventVersion) {
      this.eventVersion = eventVersion;
      return this;
    }

    /** Sets {@code correlationId}. */
    public Builder correlationId(String correlationId) {
      this.correlationId = correlationId;
      return this;
    }

    /** Sets {@code causationId}. */
    public Builder causationId(String causationId) {
      this.causationId = causationId;
      return this;
    }

    /** Sets {@code timestamp}, epoch milliseconds. */
    public Builder timestamp(long timestamp) {
      this.timestamp = timestamp;
      return this;
    }

    /** Sets {@code source}. */
    public Builder source(String source) {
      this.source = source;
      return this;
    }

    /** Sets {@code userId}. */
    public Builder userId(String userId) {
      this.userId = userId;
      return this;
    }

    /** Sets {@code sessionId}. */
    public Builder sessionId(String sessionId) {
      this.sessionId = sessionId;
      return this;
    }

    /** Sets {@code tenantId}. */
    public Builder tenantId(String tenantId) {
      this.tenantId = tenantId;
      return this;
    }

    /** Sets {@code dataClassification}. */
    public Builder dataClassification(DataClassification dataClassification) {
      this.dataClassification = dataClassification;
      return this;
    }

    /** Sets {@code partition}. */
    public Builder partition(String partition) {
      this.partition = partition;
      return this;
    }

    /** Replaces {@code context} (copied). */
    public Builder context(Map<String, Object> context) {
      this.context = context == null ? null : new LinkedHashMap<>(context);
      return this;
    }

    /** Adds one {@code context} entry. */
    public Builder contextEntry(String key, Object value) {
      if (context == null) {
        context = new LinkedHashMap<>();
      }
      context.put(Objects.requireNonNull(key, "key"), value);
      return this;
    }

    /** The metadata. */
    public EventMetadata build() {
      return new EventMetadata(
          eventId, eventType, eventVersion, correlationId, causationId, timestamp, source,
          userId, sessionId, tenantId, dataClassification, partition, context);
    }
  }
}
