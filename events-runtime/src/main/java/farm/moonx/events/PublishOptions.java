package farm.moonx.events;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Per-publish choices: who and what the event concerns, how it is correlated, and an explicit
 * partition key. Every field is optional; {@link #none()} is the empty set.
 *
 * <pre>{@code
 * PublishOptions.builder().causedBy(paymentEnvelope).context("region", "eu").build()
 * }</pre>
 */
public final class PublishOptions {
  private static final PublishOptions NONE = builder().build();

  private final String userId;
  private final String sessionId;
  private final String tenantId;
  private final String correlationId;
  private final String causationId;
  private final String partitionKey;
  private final Map<String, Object> context;

  private PublishOptions(Builder b) {
    this.userId = b.userId;
    this.sessionId = b.sessionId;
    this.tenantId = b.tenantId;
    this.correlationId = b.correlationId;
    this.causationId = b.causationId;
    this.partitionKey = b.partitionKey;
    this.context = Collections.unmodifiableMap(new LinkedHashMap<>(b.context));
  }

  /** No options: a new correlation id, the key from the record or the strategy. */
  public static PublishOptions none() {
    return NONE;
  }

  /** A builder with no option set. */
  public static Builder builder() {
    return new Builder();
  }

  /** Shorthand for {@code builder().causedBy(parent).build()}. */
  public static PublishOptions causedBy(EventEnvelope<?> parent) {
    return builder().causedBy(parent).build();
  }

  /** The user id, or null. */
  public String userId() {
    return userId;
  }

  /** The session id, or null. */
  public String sessionId() {
    return sessionId;
  }

  /** The tenant id, or null. */
  public String tenantId() {
    return tenantId;
  }

  /** The correlation id to use, or null for a new one. */
  public String correlationId() {
    return correlationId;
  }

  /** The id of the causing event, or null. */
  public String causationId() {
    return causationId;
  }

  /** The explicit partition key, winning over every strategy, or null. */
  public String partitionKey() {
    return partitionKey;
  }

  /** Extra context entries for {@code metadata.context} (unmodifiable, possibly empty). */
  public Map<String, Object> context() {
    return context;
  }

  /** A builder holding these options, to derive changed ones. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.userId = userId;
    b.sessionId = sessionId;
    b.tenantId = tenantId;
    b.correlationId = correlationId;
    b.causationId = causationId;
    b.partitionKey = partitionKey;
    b.context.putAll(context);
    return b;
  }

  @Override
  public String toString() {
    return "PublishOptions[userId=" + userId + ", sessionId=" + sessionId + ", tenantId=" + tenantId
        + ", correlationId=" + correlationId + ", causationId=" + causationId
        + ", partitionKey=" + partitionKey + ", context=" + context.keySet() + "]";
  }

  /** Builds {@link PublishOptions}. */
  public static final class Builder {
    private String userId;
    private String sessionId;
    private String tenantId;
    private String correlationId;
    private String causationId;
    private String partitionKey;
    private final Map<String, Object> context = new LinkedHashMap<>();

    private Builder() {}

    /** Sets the user id. */
    public Builder userId(String userId) {
      this.userId = userId;
      return this;
    }

    /** Sets the session id. */
    public Builder sessionId(String sessionId) {
      this.sessionId = sessionId;
      return this;
    }

    /** Sets the tenant id. */
    public Builder tenantId(String tenantId) {
      this.tenantId = tenantId;
      return this;
    }

    /** Sets the correlation id (instead of a new one). */
    public Builder correlationId(String correlationId) {
      this.correlationId = correlationId;
      return this;
    }

    /** Sets the causation id: the {@code eventId} of the event that caused this one. */
    public Builder causationId(String causationId) {
      this.causationId = causationId;
      return this;
    }

    /** Sets an explicit partition key (the Kafka record key). */
    public Builder partitionKey(String partitionKey) {
      this.partitionKey = partitionKey;
      return this;
    }

    /** Adds one entry to {@code metadata.context}. */
    public Builder context(String key, Object value) {
      context.put(Objects.requireNonNull(key, "key"), value);
      return this;
    }

    /** Adds every entry to {@code metadata.context}. */
    public Builder context(Map<String, ?> entries) {
      entries.forEach(this::context);
      return this;
    }

    /**
     * Marks the event as caused by {@code parent}: it joins the parent's correlation id, its
     * {@code causationId} is the parent's {@code eventId}, and user, session and tenant are
     * inherited from the parent unless set on this builder.
     */
    public Builder causedBy(EventEnvelope<?> parent) {
      EventMetadata m = Objects.requireNonNull(parent, "parent").metadata();
      this.correlationId = m.correlationId();
      this.causationId = m.eventId();
      if (userId == null) {
        userId = m.userId();
      }
      if (sessionId == null) {
        sessionId = m.sessionId();
      }
      if (tenantId == null) {
        tenantId = m.tenantId();
      }
      return this;
    }

    /** The options. */
    public PublishOptions build() {
      return new PublishOptions(this);
    }
  }
}
