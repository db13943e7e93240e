package farm.moonx.events.spring.boot;

import farm.moonx.events.EventDescriptor;
import farm.moonx.events.kafka.EventConsumerConfig;
import farm.moonx.events.kafka.KafkaEventConsumer;
import farm.moonx.events.kafka.RetryPolicy;
import farm.moonx.events.spi.EventDispatcher;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.context.SmartLifecycle;

/**
 * One {@link KafkaEventConsumer} per bean that implements a generated {@code <Catalog>Handler},
 * started when the application context starts and closed when it stops: in-flight records are
 * finished and their offsets committed before the context goes on shutting down.
 *
 * <p>Settings per container come from {@code moonx.events.consumers.<bean name>.*}, then
 * {@code moonx.events.consumer.*}. The group id defaults to the bean's name.
 */
public final class EventConsumerContainers implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(EventConsumerContainers.class);
  private static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

  private final ListableBeanFactory beans;
  private final MoonxEventsProperties properties;
  private final Function<String, EventConsumerConfig.Builder> configs;
  private final MeterRegistry meterRegistry;
  private final Map<String, KafkaEventConsumer> running = Collections.synchronizedMap(new LinkedHashMap<>());
  private volatile boolean started;

  EventConsumerContainers(ListableBeanFactory beans, MoonxEventsProperties properties,
      Function<String, EventConsumerConfig.Builder> configs, MeterRegistry meterRegistry) {
    this.beans = beans;
    this.properties = properties;
    this.configs = configs;
    this.meterRegistry = meterRegistry;
  }

  /** The running containers by name (the handler bean's name), for health and tests. */
  public Map<String, KafkaEventConsumer> containers() {
    synchronized (running) {
      return Map.copyOf(running);
    }
  }

  @Override
  public void start() {
    ClassLoader loader = Objects.requireNonNullElse(Thread.currentThread().getContextClassLoader(),
        EventConsumerContainers.class.getClassLoader());
    for (String beanName : beans.getBeanNamesForType(Object.class, false, false)) {
      Class<?> type = beans.getType(beanName, false);
      if (type == null || !HandlerDispatchers.isHandler(type, loader)) {
        continue;
      }
      Map<Class<?>, EventDispatcher> dispatchers = HandlerDispatchers.of(beans.getBean(beanName), type, loader);
      dispatchers.forEach((handler, dispatcher) -> {
        String name = dispatchers.size() == 1 ? beanName : beanName + "." + handler.getSimpleName();
        MoonxEventsProperties.Consumer own = properties.getConsumers().getOrDefault(name, new MoonxEventsProperties.Consumer());
        if (Boolean.FALSE.equals(pick(own.getEnabled(), properties.getConsumer().getEnabled()))) {
          LOG.info("consumer container {} is disabled by moonx.events.consumers.{}.enabled", name, name);
          return;
        }
        KafkaEventConsumer consumer = KafkaEventConsumer.create(config(name, own, dispatcher)).start();
        running.put(name, consumer);
      });
    }
    started = true;
  }

  private EventConsumerConfig config(String name, MoonxEventsProperties.Consumer own, EventDispatcher dispatcher) {
    MoonxEventsProperties.Consumer defaults = properties.getConsumer();
    String groupId = pick(own.getGroupId(), defaults.getGroupId());
    EventConsumerConfig.Builder config = configs.apply(groupId != null ? groupId : name).dispatcher(dispatcher);
    List<String> topics = !own.getTopics().isEmpty() ? own.getTopics() : defaults.getTopics();
    config.topics(!topics.isEmpty() ? topics : catalogTopics(dispatcher));
    Integer concurrency = pick(own.getConcurrency(), defaults.getConcurrency());
    if (concurrency != null) {
      config.concurrency(concurrency);
    }
    String deadLetterTopic = pick(own.getDeadLetterTopic(), defaults.getDeadLetterTopic());
    if (deadLetterTopic != null) {
      config.deadLetterTopic(deadLetterTopic);
    }
    config.retryPolicy(retryPolicy(own, defaults));
    defaults.getProperties().forEach(config::property);
    own.getProperties().forEach(config::property);
    if (meterRegistry != null) {
      config.meterRegistry(meterRegistry);
    }
    return config.build();
  }

  private static RetryPolicy retryPolicy(MoonxEventsProperties.Consumer own, MoonxEventsProperties.Consumer defaults) {
    Integer maxAttempts = pick(own.getMaxAttempts(), defaults.getMaxAttempts());
    Duration initialDelay = pick(own.getInitialDelay(), defaults.getInitialDelay());
    Duration maxDelay = pick(own.getMaxDelay(), defaults.getMaxDelay());
    if (maxAttempts == null && initialDelay == null && maxDelay == null) {
      return RetryPolicy.defaults();
    }
    RetryPolicy.Builder retry = RetryPolicy.builder();
    if (maxAttempts != null) {
      retry.maxAttempts(maxAttempts);
    }
    if (initialDelay != null) {
      retry.initialDelay(initialDelay);
    }
    if (maxDelay != null) {
      retry.maxDelay(maxDelay);
    }
    return retry.build();
  }

  private static List<String> catalogTopics(EventDispatcher dispatcher) {
    return dispatcher.registry().descriptors().stream().map(EventDescriptor::topic).distinct().sorted().toList();
  }

  private static <T> T pick(T own, T fallback) {
    return own != null ? own : fallback;
  }

  /** Closes every container, each finishing its in-flight records and committing, in parallel. */
  @Override
  public void stop() {
    started = false;
    List<KafkaEventConsumer> toClose;
    synchronized (running) {
      toClose = new ArrayList<>(running.values());
      running.clear();
    }
    Duration timeout = pick(properties.getConsumer().getShutdownTimeout(), DEFAULT_SHUTDOWN_TIMEOUT);
    List<Thread> closers = new ArrayList<>();
    for (KafkaEventConsumer consumer : toClose) {
      Thread closer = new Thread(() -> consumer.close(timeout), "moonx-events-close-" + consumer.config().groupId());
      closer.start();
      closers.add(closer);
    }
    for (Thread closer : closers) {
      try {
        closer.join(timeout.plusSeconds(5).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        LOG.warn("interrupted while closing the consumer containers; {} may still be closing", closer.getName());
        return;
      }
    }
  }

  @Override
  public boolean isRunning() {
    return started;
  }
}
