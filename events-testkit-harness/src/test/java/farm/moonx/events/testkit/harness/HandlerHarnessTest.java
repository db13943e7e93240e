package farm.moonx.events.testkit.harness;

import static org.assertj.core.api.Assertions.assertThat;

import farm.moonx.events.EventDescriptor;
import farm.moonx.events.EventEnvelope;
import farm.moonx.events.EventValidationException;
import farm.moonx.events.PublishOptions;
import farm.moonx.events.annotations.DataClassification;
import farm.moonx.events.kafka.EventConsumerConfig;
import farm.moonx.events.kafka.EventPublisherConfig;
import farm.moonx.events.kafka.RetryPolicy;
import farm.moonx.events.spi.JacksonDatabindCodec;
import farm.moonx.events.testkit.harness.HandlerHarness.Decision;
import farm.moonx.events.testkit.harness.HandlerHarness.Delivered;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class HandlerHarnessTest {
  /** Test event. */
  public record Signup(String userId, int age) {}

  static final EventDescriptor<Signup> SIGNUP = EventDescriptor.builder("user.signed_up", Signup.class,
          JacksonDatabindCodec.of(Signup.class))
      .classification(DataClassification.INTERNAL).topic("signups").partitionKey(Signup::userId)
      .validator((s, errors) -> {
        if (s.age() < 0) {
          errors.add("data.age: must not be negative");
        }
      })
      .build();

  private final List<EventEnvelope<Signup>> seen = new ArrayList<>();
  private final RetryPolicy threeTries = RetryPolicy.builder().maxAttempts(3).initialDelay(Duration.ofMillis(100))
      .nonRetryable(IllegalArgumentException.class).build();

  private HandlerHarness harness(RuntimeException failure) {
    return HandlerHarness.of(EventConsumerConfig.builder("welcome").bootstrapServers("in-process:0").topics("signups")
        .retryPolicy(threeTries)
        .handler(SIGNUP, (event, delivery) -> {
          seen.add(event);
          if (failure != null) {
            throw failure;
          }
        }).build());
  }

  @Test
  void aHandledEventIsDoneAndArrivesAsTheFactoryAndCodecMadeIt() {
    Delivered result = harness(null).deliver(SIGNUP, new Signup("u-1", 30), PublishOptions.builder().userId("u-1").build());
    assertThat(result.decision()).isEqualTo(Decision.DONE);
    assertThat(result.deliveries()).isEqualTo(1);
    assertThat(result.error()).isEmpty();
    assertThat(seen).singleElement().satisfies(e -> {
      assertThat(e.data()).isEqualTo(new Signup("u-1", 30));
      assertThat(e.metadata().eventType()).isEqualTo("user.signed_up");
      assertThat(e.metadata().source()).isEqualTo("test-service");
      assertThat(e.metadata().userId()).isEqualTo("u-1");
      assertThat(e.metadata().partition()).isEqualTo("u-1");
    });
  }

  @Test
  void aHandlerThatKeepsFailingIsRetriedAsTheContainerWouldThenDeadLettered() {
    Delivered result = harness(new IllegalStateException("down")).deliver(SIGNUP, new Signup("u-1", 30));
    assertThat(result.decision()).isEqualTo(Decision.DEAD_LETTERED);
    assertThat(result.deliveries()).isEqualTo(3);
    assertThat(seen).hasSize(3);
    assertThat(result.error()).containsInstanceOf(IllegalStateException.class);
    assertThat(result.backoffs()).hasSize(2).allSatisfy(b -> assertThat(b).isPositive());
  }

  @Test
  void aNonRetryableFailureIsDeadLetteredAtOnce() {
    Delivered result = harness(new IllegalArgumentException("bad")).deliver(SIGNUP, new Signup("u-1", 30));
    assertThat(result.decision()).isEqualTo(Decision.DEAD_LETTERED);
    assertThat(result.deliveries()).isEqualTo(1);
    assertThat(result.backoffs()).isEmpty();
  }

  @Test
  void anInvalidEventNeverReachesTheHandler() {
    RecordingPublisher unchecked = RecordingPublisher.create(
        EventPublisherConfig.builder("legacy").bootstrapServers("in-process:0").enableValidation(false).build());
    unchecked.publish(SIGNUP, new Signup("u-1", -1)).join();
    Delivered result = harness(null).deliver(unchecked.all().get(0).record());
    assertThat(result.decision()).isEqualTo(Decision.DEAD_LETTERED);
    assertThat(result.error()).containsInstanceOf(EventValidationException.class);
    assertThat(seen).isEmpty();
  }

  @Test
  void theRecordingPublisherKeepsTypedEnvelopesAndRejectsInvalidOnes() throws Exception {
    RecordingPublisher published = RecordingPublisher.create("accounts");
    EventEnvelope<Signup> cause = harness(null).event(SIGNUP, new Signup("u-0", 1));
    published.publish(SIGNUP, new Signup("u-1", 30), PublishOptions.causedBy(cause)).get();
    assertThat(published.publish(SIGNUP, new Signup("u-2", -5)))
        .failsWithin(Duration.ZERO).withThrowableOfType(ExecutionException.class)
        .withCauseInstanceOf(EventValidationException.class);

    assertThat(published.published(SIGNUP)).singleElement().satisfies(e -> {
      assertThat(e.data().userId()).isEqualTo("u-1");
      assertThat(e.metadata().source()).isEqualTo("accounts");
      assertThat(e.metadata().causationId()).isEqualTo(cause.eventId());
      assertThat(e.metadata().correlationId()).isEqualTo(cause.metadata().correlationId());
    });
    assertThat(published.all()).singleElement().satisfies(r -> assertThat(r.record().key()).isEqualTo("u-1"));
  }
}
