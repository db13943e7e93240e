package farm.moonx.events.it.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import farm.moonx.events.Delivery;
import farm.moonx.events.EventEnvelope;
import farm.moonx.events.PublishResult;
import farm.moonx.events.it.payments.PaymentProcessed;
import farm.moonx.events.it.payments.PaymentsPublisher;
import farm.moonx.events.kafka.EventConsumerConfig;
import farm.moonx.events.kafka.EventPublisherConfig;
import farm.moonx.events.kafka.Health;
import farm.moonx.events.kafka.KafkaEventConsumer;
import farm.moonx.events.kafka.KafkaEventPublisher;
import farm.moonx.events.testkit.EmbeddedKafka;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker listener with TLS, certificates made with the JDK's keytool: publisher and consumer
 * configured with kafka-clients' own {@code ssl.*} properties (passed through untouched) round
 * trip an event; a client that does not trust the broker's certificate fails clearly and within
 * a bounded time, instead of hanging.
 */
class TlsTest {
  private static final String PASSWORD = "changeit";

  @Test
  void tlsRoundTripWorksAndAnUntrustingClientFailsClearly(@TempDir Path dir) throws Exception {
    Path keystore = dir.resolve("broker.p12");
    Path truststore = dir.resolve("truststore.p12");
    Path certificate = dir.resolve("broker.pem");
    keytool("-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
        "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
        "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
    keytool("-exportcert", "-rfc", "-alias", "broker", "-keystore", keystore.toString(), "-storepass", PASSWORD,
        "-file", certificate.toString());
    keytool("-importcert", "-noprompt", "-alias", "broker", "-file", certificate.toString(),
        "-storetype", "PKCS12", "-keystore", truststore.toString(), "-storepass", PASSWORD);

    String topic = Clients.uniqueTopic("tls");
    try (EmbeddedKafka kafka = EmbeddedKafka.builder()
        .listener("SSL", SecurityProtocol.SSL)
        .brokerProperty("listener.name.ssl.ssl.keystore.location", keystore.toString())
        .brokerProperty("listener.name.ssl.ssl.keystore.password", PASSWORD)
        .brokerProperty("listener.name.ssl.ssl.key.password", PASSWORD)
        .brokerProperty("listener.name.ssl.ssl.keystore.type", "PKCS12")
        .build().start()) {
      kafka.createTopic(topic, 1);
      String tls = kafka.bootstrapServers("SSL");
      Map<String, Object> trusting = Map.of(
          "security.protocol", "SSL",
          "ssl.truststore.location", truststore.toString(),
          "ssl.truststore.password", PASSWORD,
          "ssl.truststore.type", "PKCS12");

      PaymentProcessed payment = new PaymentProcessed("p-tls", "u-1", new BigDecimal("12.50"), "USD",
          Instant.ofEpochMilli(1732700000000L));
      BlockingQueue<EventEnvelope<PaymentProcessed>> received = new LinkedBlockingQueue<>();
      BillingHandler handler = new BillingHandler.Adapter() {
        @Override
        public void onPaymentProcessed(EventEnvelope<PaymentProcessed> event, Delivery context) {
          received.add(event);
        }
      };
      PublishResult result;
      EventEnvelope<PaymentProcessed> back;
      EventPublisherConfig.Builder publisherConfig = Clients.publisherConfig(tls, topic);
      EventConsumerConfig.Builder consumerConfig = Clients.consumerConfig(tls, "billing-tls", topic)
          .dispatcher(new BillingDispatcher(handler));
      trusting.forEach(publisherConfig::property);
      trusting.forEach(consumerConfig::property);
      try (KafkaEventPublisher publisher = KafkaEventPublisher.create(publisherConfig.build());
          KafkaEventConsumer consumer = KafkaEventConsumer.create(consumerConfig.build()).start()) {
        assertThat(publisher.healthCheck().up()).as("publisher health over TLS").isTrue();
        result = new PaymentsPublisher(publisher).paymentProcessed(payment).get(30, TimeUnit.SECONDS);
        back = received.poll(30, TimeUnit.SECONDS);
      }
      assertThat(back).as("the event came back over TLS").isNotNull();
      assertThat(back.data()).isEqualTo(payment);
      assertThat(back.eventId()).isEqualTo(result.eventId());

      // No truststore: the JDK's default CAs do not trust the broker's self-made certificate.
      long start = System.nanoTime();
      List<String> untrusted = new ArrayList<>();
      try (KafkaEventPublisher publisher = KafkaEventPublisher.create(Clients.publisherConfig(tls, topic)
          .property("security.protocol", "SSL")
          .property(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000)
          .healthTimeout(Duration.ofSeconds(5))
          .build())) {
        Throwable failure = null;
        try {
          new PaymentsPublisher(publisher).paymentProcessed(payment).orTimeout(30, TimeUnit.SECONDS).join();
        } catch (CompletionException e) {
          failure = e.getCause();
        }
        assertThat(failure).as("publishing without trusting the broker fails").isInstanceOf(SslAuthenticationException.class);
        untrusted.add("publish=" + failure.getClass().getSimpleName());
        Health health = publisher.healthCheck();
        assertThat(health.up()).as("publisher health without the truststore: %s", health).isFalse();
        untrusted.add("publisherHealth=down");
      }
      EventConsumerConfig.Builder untrustingConsumer = Clients.consumerConfig(tls, "billing-tls-untrusting", topic)
          .property("security.protocol", "SSL").dispatcher(new BillingDispatcher(handler));
      try (KafkaEventConsumer consumer = KafkaEventConsumer.create(untrustingConsumer.build()).start()) {
        await("the untrusting consumer reports itself down").atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(200)).until(() -> !consumer.healthCheck().up());
        assertThat(consumer.healthCheck().details().toString()).contains("SslAuthenticationException");
        untrusted.add("consumerHealth=down");
      }
      long failedWithinMs = (System.nanoTime() - start) / 1_000_000;
      assertThat(received).as("nothing received by the untrusting consumer").isEmpty();

      DrillReport.of("tls", 1, 1, 0, 0, 0).with("untrustedClient", String.join(",", untrusted))
          .with("untrustedFailedWithinMs", failedWithinMs).print();
    }
  }

  private static void keytool(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        throw new AssertionError("keytool did not finish within 60 s: " + command);
      }
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.exitValue()).as("keytool %s: %s", args[0], output).isZero();
    } finally {
      process.destroyForcibly();
    }
  }
}
