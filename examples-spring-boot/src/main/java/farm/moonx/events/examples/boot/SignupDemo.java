package farm.moonx.events.examples.boot;

import farm.moonx.events.examples.boot.shop.ShopPublisher;
import farm.moonx.events.examples.boot.shop.UserRegistered;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/**
 * Signs up {@code shop.users} users (0 in tests, which publish their own), then waits until the
 * audit service has seen every sign-up and every payment billing answered with.
 */
@Component
public class SignupDemo implements ApplicationRunner, ExitCodeGenerator {

  private static final Logger LOG = LoggerFactory.getLogger(SignupDemo.class);
  private static final Duration WAIT = Duration.ofSeconds(60);

  private final ShopPublisher events;
  private final AuditService audit;
  private final int users;
  private volatile int exitCode;

  public SignupDemo(ShopPublisher events, AuditService audit, @Value("${shop.users:0}") int users) {
    this.events = events;
    this.audit = audit;
    this.users = users;
  }

  @Override
  public void run(ApplicationArguments args) throws Exception {
    if (users <= 0) {
      return;
    }
    long start = System.nanoTime();
    List<UserRegistered> signups = new ArrayList<>();
    for (int i = 1; i <= users; i++) {
      signups.add(new UserRegistered(String.format("u-%04d", i), "user" + i + "@example.com", i % 3 == 0 ? "pro" : "basic"));
    }
    events.publishAll(signups).all().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    long deadline = System.nanoTime() + WAIT.toNanos();
    while ((audit.count("user.registered") < users || audit.count("payment.processed") < users)
        && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    int signedUp = audit.count("user.registered");
    int paid = audit.count("payment.processed");
    exitCode = signedUp == users && paid == users ? 0 : 1;
    LOG.info("{}: {} sign-ups published; audit saw {} user.registered and {} payment.processed in {} ms",
        exitCode == 0 ? "OK" : "MISSING EVENTS", users, signedUp, paid,
        Duration.ofNanos(System.nanoTime() - start).toMillis());
  }

  @Override
  public int getExitCode() {
    return exitCode;
  }
}
