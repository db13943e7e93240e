package farm.moonx.events.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a JUnit 5 test class against a Kafka cluster shared by every test class of the test JVM.
 *
 * <p>The first test class that needs it starts one {@link EmbeddedKafka}; every later class
 * reuses it, and it is closed when the test run ends. If the environment variable
 * {@code KAFKA_BOOTSTRAP_SERVERS} is set, nothing is started and that cluster is used instead.
 *
 * <p>The cluster is injected into parameters (of test, lifecycle and constructor methods) and
 * non-final fields of type {@link KafkaCluster}, and into {@code String} parameters and fields
 * annotated {@link BootstrapServers}:
 *
 * <pre>{@code
 * @EmbeddedKafkaTest
 * class PaymentsIT {
 *   @BootstrapServers String bootstrapServers;
 *
 *   @Test
 *   void publishes(KafkaCluster kafka) {
 *     kafka.createTopic("payments", 3);
 *     ...
 *   }
 * }
 * }</pre>
 *
 * <p>Tests share the broker: give each test its own topics and consumer groups.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(EmbeddedKafkaExtension.class)
public @interface EmbeddedKafkaTest {}
