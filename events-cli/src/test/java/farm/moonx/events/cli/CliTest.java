package farm.moonx.events.cli;

import static farm.moonx.events.cli.CliTestEvents.CARD_ADDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import farm.moonx.events.kafka.EventConsumerConfig;
import farm.moonx.events.kafka.EventPublisherConfig;
import farm.moonx.events.kafka.KafkaEventConsumer;
import farm.moonx.events.kafka.KafkaEventPublisher;
import farm.moonx.events.kafka.RetryPolicy;
import farm.moonx.events.testkit.EmbeddedKafkaTest;
import farm.moonx.events.testkit.KafkaCluster;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI run in-process (picocli's execute, output captured) against the embedded broker. */
@EmbeddedKafkaTest
class CliTest {
  private static final String SECRET = "4111-0000-SECRET-9999";
  KafkaCluster kafka;

  /** What one run printed and returned. */
  record Run(int exit, String out, String err) {}

  static Run cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void listShowAndReplayDeadLettersWithoutEverShowingTheSensitiveValue(@TempDir Path dir) throws Exception {
    kafka.createTopic("cli-cards", 1);
    kafka.createTopic("cli-cards.dlq", 1);
    AtomicBoolean fixed = new AtomicBoolean();
    Map<String, AtomicInteger> handled = new ConcurrentHashMap<>();
    String servers = kafka.bootstrapServers();
    try (KafkaEventConsumer consumer = KafkaEventConsumer.create(EventConsumerConfig.builder("cli-cards-group")
        .bootstrapServers(servers).topics("cli-cards").pollTimeout(Duration.ofMillis(100))
        .retryPolicy(RetryPolicy.noRetry())
        .handler(CARD_ADDED, (event, delivery) -> {
          if (event.data().brand().equals("unknown") && !fixed.get()) {
            throw new IllegalStateException("no brand for card " + event.data().cardNumber());
          }
          handled.computeIfAbsent(event.data().userId(), u -> new AtomicInteger()).incrementAndGet();
        }).build()).start();
        KafkaEventPublisher publisher = KafkaEventPublisher.create(
            EventPublisherConfig.builder("cards").bootstrapServers(servers).build());
        KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(kafka.clientConfig(), new ByteArraySerializer(),
            new ByteArraySerializer())) {
      publisher.publish(CARD_ADDED, new CardAdded("u-1", "5500-0000-0000-0004", "visa")).get(30, TimeUnit.SECONDS);
      publisher.publish(CARD_ADDED, new CardAdded("u-2", SECRET, "unknown")).get(30, TimeUnit.SECONDS);
      raw.send(new ProducerRecord<>("cli-cards", "u-3".getBytes(StandardCharsets.UTF_8),
          "{not json".getBytes(StandardCharsets.UTF_8))).get(30, TimeUnit.SECONDS);
      // the sensitive value where the codec cannot read it: the decode error would quote it
      ProducerRecord<byte[], byte[]> undecodable = new ProducerRecord<>("cli-cards", "u-4".getBytes(StandardCharsets.UTF_8),
          ("{\"metadata\":{\"eventType\":\"card.added\",\"eventId\":\"e-4\"},\"data\":{\"userId\":\"u-4\","
              + "\"cardNumber\":{\"n\":\"" + SECRET + "\"},\"brand\":\"visa\"}}").getBytes(StandardCharsets.UTF_8));
      undecodable.headers().add("eventType", "card.added".getBytes(StandardCharsets.UTF_8));
      raw.send(undecodable).get(30, TimeUnit.SECONDS);
      await().atMost(30, TimeUnit.SECONDS).until(() -> cli("list", "-t", "cli-cards.dlq", "-b", servers).out()
          .contains("3 dead letter(s)"));

      Run list = cli("list", "-t", "cli-cards.dlq", "-b", servers);
      assertThat(list.exit()).as(list.err()).isZero();
      assertThat(list.out()).contains("ENTRY", "FAILED AT", "EVENT TYPE", "ORIGIN", "TRIES", "ERROR", "REASON")
          .containsPattern("0@0 +\\S+ +card\\.added +cli-cards-0@1 +1 +IllegalStateException +\\(message withheld")
          .containsPattern("0@1 +\\S+ +- +cli-cards-0@2 +0 +MalformedEventException")
          .containsPattern("0@2 +\\S+ +card\\.added +cli-cards-0@3 +0 +MalformedEventException +\\(message withheld")
          .contains("3 dead letter(s) in cli-cards.dlq")
          .doesNotContain(SECRET);
      assertThat(cli("list", "-t", "cli-cards.dlq", "-b", servers, "--error", "MalformedEventException").out())
          .contains("0@1", "0@2").doesNotContain("0@0 ").contains("2 dead letter(s)");

      Run show = cli("show", "-t", "cli-cards.dlq", "-b", servers, "0@0");
      assertThat(show.exit()).as(show.err()).isZero();
      assertThat(show.out()).contains("origin:          cli-cards-0@1", "consumer group:  cli-cards-group",
              "error:           java.lang.IllegalStateException", "\"cardNumber\" : \"<redacted>\"",
              "\"brand\" : \"unknown\"", "\"userId\" : \"u-2\"")
          .doesNotContain(SECRET);
      assertThat(cli("show", "-t", "cli-cards.dlq", "-b", servers, "0@1").out())
          .contains("raw value (9 bytes):", "{not json");
      assertThat(cli("show", "-t", "cli-cards.dlq", "-b", servers, "0@2").out())
          .contains("decode error:    does not decode (malformed; message withheld", "(withheld: its type has sensitive data)")
          .doesNotContain(SECRET);
      assertThat(cli("show", "-t", "cli-cards.dlq", "-b", servers, "0@7").exit()).isEqualTo(1);

      // client settings from a properties file (where TLS/SASL settings go), no -b
      Path config = dir.resolve("client.properties");
      Files.writeString(config, "bootstrap.servers=" + servers + "\nclient.id=on-call\n");
      Run dry = cli("replay", "-t", "cli-cards.dlq", "-c", config.toString(), "--type", "card.added", "--dry-run");
      assertThat(dry.exit()).as("the undecodable card.added is rejected: " + dry.err()).isEqualTo(2);
      assertThat(dry.out()).contains("would send 0@0 card.added", "not sent 0@2 card.added: does not decode")
          .contains("dry run: would send 1, rejected 1").doesNotContain(SECRET);

      fixed.set(true);
      Run replay = cli("replay", "-t", "cli-cards.dlq", "-b", servers, "--type", "card.added");
      assertThat(replay.exit()).as(replay.err()).isEqualTo(2);
      assertThat(replay.out()).contains("sent 0@0 card.added", "-> cli-cards", "replayed 1, rejected 1");
      assertThat(replay.err()).contains("[##############################] 3/3");
      await().atMost(30, TimeUnit.SECONDS).until(() -> handled.containsKey("u-2"));
      assertThat(cli("replay", "-t", "cli-cards.dlq", "-b", servers, "--type", "card.added").out())
          .contains("replayed 0, rejected 1");

      Run all = cli("replay", "-t", "cli-cards.dlq", "-b", servers);
      assertThat(all.exit()).as("a rejected entry is worth a non-zero exit").isEqualTo(2);
      assertThat(all.out()).contains("not sent 0@1", "not sent 0@2").contains("replayed 0, rejected 2")
          .doesNotContain(SECRET);
      assertThat(handled.get("u-2").get()).isEqualTo(1);
      assertThat(handled.get("u-1").get()).isEqualTo(1);
    }
  }

  @Test
  void helpCompletionAndAClearErrorWithoutServers() {
    Run help = cli("--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out()).contains("list", "show", "replay", "generate-completion");
    assertThat(cli("replay", "--help").out()).contains("--dry-run", "--to=<topic>", "--[no-]validate", "--type");
    assertThat(cli("generate-completion").out()).contains("complete -F");
    Run missing = cli("list", "-t", "x.dlq", "-X", "client.id=x");
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("no bootstrap servers");
  }
}
