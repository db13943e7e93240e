/**
 * A real Kafka broker for tests and demos, started in the current JVM.
 *
 * <ul>
 *   <li>{@link farm.moonx.events.testkit.EmbeddedKafka}: a single-node KRaft cluster on free
 *       loopback ports, with stop/restart on the same ports and data.
 *   <li>{@link farm.moonx.events.testkit.EmbeddedKafkaTest}: JUnit 5 tests share one such broker
 *       per test JVM, or the cluster named by {@code KAFKA_BOOTSTRAP_SERVERS}.
 *   <li>{@link farm.moonx.events.testkit.KafkaCluster}: what tests see of either.
 * </ul>
 *
 * <p>The broker logs through SLF4J. Add a binding to see its warnings, e.g. in Maven
 * {@code org.slf4j:slf4j-simple} with test scope and a {@code simplelogger.properties} holding
 * {@code org.slf4j.simpleLogger.defaultLogLevel=warn}.
 */
package farm.moonx.events.testkit;
