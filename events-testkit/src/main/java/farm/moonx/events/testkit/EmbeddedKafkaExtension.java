package farm.moonx.events.testkit;

import farm.moonx.events.testkit.internal.QuietKafkaLogs;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JUnit 5 extension behind {@link EmbeddedKafkaTest}: one {@link KafkaCluster} per test run,
 * kept in the root context's store so every test class finds the same one, and closed by JUnit
 * when the run ends.
 *
 * <p>Works with the JUnit Jupiter of the user's project, 5.10 through 6.x: it uses no API newer
 * than 5.10 (the testkit declares {@code junit-jupiter-api} as {@code provided}).
 */
public final class EmbeddedKafkaExtension
    implements BeforeAllCallback, TestInstancePostProcessor, ParameterResolver {

  /** Names an external cluster to use instead of starting the embedded broker. */
  public static final String BOOTSTRAP_SERVERS_ENV = "KAFKA_BOOTSTRAP_SERVERS";

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaExtension.class);
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(EmbeddedKafkaExtension.class);
  private static final String CLUSTER_KEY = "cluster";

  /** Fills static fields, so that {@code @BeforeAll} methods can already use them. */
  @Override
  public void beforeAll(ExtensionContext context) {
    injectFields(context, context.getRequiredTestClass(), null);
  }

  @Override
  public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
    injectFields(context, testInstance.getClass(), testInstance);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    Class<?> type = parameterContext.getParameter().getType();
    return type == KafkaCluster.class
        || (type == String.class && parameterContext.isAnnotated(BootstrapServers.class));
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    KafkaCluster cluster = sharedCluster(extensionContext);
    return parameterContext.getParameter().getType() == KafkaCluster.class ? cluster : cluster.bootstrapServers();
  }

  /**
   * The cluster of this test run: created on first use by {@link #openCluster}, then reused by
   * every test class.
   */
  static KafkaCluster sharedCluster(ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(CLUSTER_KEY, key -> new StoredCluster(openCluster(System::getenv)), StoredCluster.class)
        .cluster;
  }

  /**
   * Uses the cluster named by {@value #BOOTSTRAP_SERVERS_ENV} in {@code environment} if it is set
   * and not blank, and starts an {@link EmbeddedKafka} otherwise.
   */
  static KafkaCluster openCluster(Function<String, String> environment) {
    // Quiet the clients of the tests even when they talk to an external cluster.
    QuietKafkaLogs.apply();
    String external = environment.apply(BOOTSTRAP_SERVERS_ENV);
    if (external != null && !external.isBlank()) {
      LOG.info("{} is set: tests use the Kafka cluster at {}", BOOTSTRAP_SERVERS_ENV, external.trim());
      return KafkaCluster.external(external);
    }
    return EmbeddedKafka.builder().build().start();
  }

  private static void injectFields(ExtensionContext context, Class<?> testClass, Object instance) {
    boolean wantStatic = instance == null;
    List<Field> fields = ReflectionSupport.findFields(testClass,
        field -> Modifier.isStatic(field.getModifiers()) == wantStatic && isInjectionPoint(field),
        HierarchyTraversalMode.TOP_DOWN);
    if (fields.isEmpty()) {
      return;
    }
    // Check every field before starting a broker, so a mistake costs no startup time.
    fields.forEach(EmbeddedKafkaExtension::checkInjectable);
    KafkaCluster cluster = sharedCluster(context);
    for (Field field : fields) {
      Object value = field.getType() == KafkaCluster.class ? cluster : cluster.bootstrapServers();
      try {
        // Not ReflectionSupport.makeAccessible: it is new in JUnit 5.12, and users may run 5.10.
        field.setAccessible(true);
        field.set(instance, value);
      } catch (IllegalAccessException | RuntimeException e) {
        throw new ExtensionConfigurationException("Cannot inject Kafka into field " + describe(field), e);
      }
    }
  }

  /**
   * The cluster as the root store holds it. JUnit 5.13 and later close stored {@link AutoCloseable}
   * values (and warn about values that are only a {@code CloseableResource}); 5.10 to 5.12 close
   * only a {@code CloseableResource}. Being both, it is closed exactly once on every version.
   */
  @SuppressWarnings("deprecation") // CloseableResource: the only close hook JUnit 5.10 to 5.12 know
  private static final class StoredCluster implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    final KafkaCluster cluster;

    StoredCluster(KafkaCluster cluster) {
      this.cluster = cluster;
    }

    @Override
    public void close() throws Exception {
      // An external cluster is not ours to stop; only the embedded broker is closed.
      if (cluster instanceof AutoCloseable closeable) {
        closeable.close();
      }
    }
  }

  private static boolean isInjectionPoint(Field field) {
    return field.getType() == KafkaCluster.class || field.isAnnotationPresent(BootstrapServers.class);
  }

  private static void checkInjectable(Field field) {
    if (field.isAnnotationPresent(BootstrapServers.class) && field.getType() != String.class) {
      throw new ExtensionConfigurationException(
          "@BootstrapServers field " + describe(field) + " must be a String, is " + field.getType().getName());
    }
    if (Modifier.isFinal(field.getModifiers())) {
      throw new ExtensionConfigurationException("Cannot inject Kafka into final field " + describe(field));
    }
  }

  private static String describe(Field field) {
    return field.getDeclaringClass().getName() + "." + field.getName();
  }
}
