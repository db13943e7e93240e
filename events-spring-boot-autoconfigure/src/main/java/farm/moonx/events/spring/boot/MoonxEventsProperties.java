package farm.moonx.events.spring.boot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code moonx.events.*} settings. Where a connection setting is absent, Spring Kafka's
 * ({@code spring.kafka.bootstrap-servers}, {@code spring.kafka.security.protocol},
 * {@code spring.kafka.ssl.*}, {@code spring.kafka.properties.*}) is used, so a service that
 * already talks to Kafka through Spring Kafka needs no new setting.
 */
@ConfigurationProperties(prefix = "moonx.events")
public class MoonxEventsProperties {

  /** Whether to configure the publisher, the registry and the consumer containers at all. */
  private boolean enabled = true;

  /** The name this service publishes as (metadata.source); defaults to spring.application.name. */
  private String serviceName;

  /** Kafka bootstrap servers; defaults to spring.kafka.bootstrap-servers, then KAFKA_BOOTSTRAP_SERVERS. */
  private List<String> bootstrapServers = new ArrayList<>();

  /** Any kafka-clients property, for the producer and every consumer (SSL, SASL, timeouts...). */
  private Map<String, String> properties = new LinkedHashMap<>();

  private final Publisher publisher = new Publisher();

  /** Defaults for every consumer container. */
  private final Consumer consumer = new Consumer();

  /** Per consumer container, by the handler bean's name: overrides of the consumer defaults. */
  private Map<String, Consumer> consumers = new LinkedHashMap<>();

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public String getServiceName() {
    return serviceName;
  }

  public void setServiceName(String serviceName) {
    this.serviceName = serviceName;
  }

  public List<String> getBootstrapServers() {
    return bootstrapServers;
  }

  public void setBootstrapServers(List<String> bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
  }

  public Map<String, String> getProperties() {
    return properties;
  }

  public void setProperties(Map<String, String> properties) {
    this.properties = properties;
  }

  public Publisher getPublisher() {
    return publisher;
  }

  public Consumer getConsumer() {
    return consumer;
  }

  public Map<String, Consumer> getConsumers() {
    return consumers;
  }

  public void setConsumers(Map<String, Consumer> consumers) {
    this.consumers = consumers;
  }

  /** The publisher's settings. */
  public static class Publisher {

    /** The topic for events whose catalog names none. */
    private String mainTopic;

    /** kafka-clients producer properties, over moonx.events.properties. */
    private Map<String, String> properties = new LinkedHashMap<>();

    public String getMainTopic() {
      return mainTopic;
    }

    public void setMainTopic(String mainTopic) {
      this.mainTopic = mainTopic;
    }

    public Map<String, String> getProperties() {
      return properties;
    }

    public void setProperties(Map<String, String> properties) {
      this.properties = properties;
    }
  }

  /** A consumer container's settings; unset values fall back to moonx.events.consumer.*. */
  public static class Consumer {

    /** Whether this container (or, under moonx.events.consumer, every container) runs. */
    private Boolean enabled;

    /** The consumer group; defaults to the handler bean's name. */
    private String groupId;

    /** The topics; default to the topics of the catalog's events. */
    private List<String> topics = new ArrayList<>();

    /** Poll-loop threads of the container. */
    private Integer concurrency;

    /** Where records that fail for good go; defaults to the runtime's "<topic>.dlq". */
    private String deadLetterTopic;

    /** Handler attempts per record, the first included; 1 turns retries off. */
    private Integer maxAttempts;

    /** Delay before the first retry; doubled per attempt up to max-delay. */
    private Duration initialDelay;

    /** Longest delay between two retries. */
    private Duration maxDelay;

    /** How long stopping the context waits for in-flight records and the final commit. */
    private Duration shutdownTimeout;

    /** kafka-clients consumer properties, over moonx.events.properties. */
    private Map<String, String> properties = new LinkedHashMap<>();

    public Boolean getEnabled() {
      return enabled;
    }

    public void setEnabled(Boolean enabled) {
      this.enabled = enabled;
    }

    public String getGroupId() {
      return groupId;
    }

    public void setGroupId(String groupId) {
      this.groupId = groupId;
    }

    public List<String> getTopics() {
      return topics;
    }

    public void setTopics(List<String> topics) {
      this.topics = topics;
    }

    public Integer getConcurrency() {
      return concurrency;
    }

    public void setConcurrency(Integer concurrency) {
      this.concurrency = concurrency;
    }

    public String getDeadLetterTopic() {
      return deadLetterTopic;
    }

    public void setDeadLetterTopic(String deadLetterTopic) {
      this.deadLetterTopic = deadLetterTopic;
    }

    public Integer getMaxAttempts() {
      return maxAttempts;
    }

    public void setMaxAttempts(Integer maxAttempts) {
      this.maxAttempts = maxAttempts;
    }

    public Duration getInitialDelay() {
      return initialDelay;
    }

    public void setInitialDelay(Duration initialDelay) {
      this.initialDelay = initialDelay;
    }

    public Duration getMaxDelay() {
      return maxDelay;
    }

    public void setMaxDelay(Duration maxDelay) {
      this.maxDelay = maxDelay;
    }

    public Duration getShutdownTimeout() {
      return shutdownTimeout;
    }

    public void setShutdownTimeout(Duration shutdownTimeout) {
      this.shutdownTimeout = shutdownTimeout;
    }

    public Map<String, String> getProperties() {
      return properties;
    }

    public void setProperties(Map<String, String> properties) {
      this.properties = properties;
    }
  }
}
