package farm.moonx.events.it.billing;

import farm.moonx.events.Delivery;
import farm.moonx.events.EventEnvelope;
import farm.moonx.events.it.payments.PaymentRequested;
import farm.moonx.events.kafka.KafkaEventConsumer;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * A billing service instance in its own JVM, for the drills that kill or add processes. It
 * consumes {@code payment.requested} with the generated dispatcher and appends one line
 * {@code sequence,partition,offset,epochMillis} per handled event to a file, written with one
 * unbuffered {@code write} each, so a line is on disk before the offset can be committed and a
 * SIGKILL loses nothing that was reported as handled.
 *
 * <p>Arguments: bootstrap servers, topic, group, output file, handler time per event in ms, and
 * the instance name (its Kafka {@code client.id}, so the group's members can be told apart).
 */
public final class ChildConsumer {
  private ChildConsumer() {}

  public static void main(String[] args) throws Exception {
    String bootstrapServers = args[0];
    String topic = args[1];
    String group = args[2];
    String output = args[3];
    long workMillis = Long.parseLong(args[4]);
    String instance = args[5];
    CountDownLatch stopped = new CountDownLatch(1);
    try (FileOutputStream out = new FileOutputStream(output, true)) {
      BillingHandler handler = new BillingHandler.Adapter() {
        @Override
        public void onPaymentRequested(EventEnvelope<PaymentRequested> event, Delivery context)
            throws IOException, InterruptedException {
          if (workMillis > 0) {
            Thread.sleep(workMillis); // the service's own work (a database write, a call)
          }
          String line = event.data().sequence() + "," + context.partition() + "," + context.offset() + ","
              + System.currentTimeMillis() + "\n";
          out.write(line.getBytes(StandardCharsets.US_ASCII));
        }
      };
      KafkaEventConsumer consumer = KafkaEventConsumer.create(
          Clients.consumerConfig(bootstrapServers, group, topic)
              .property("client.id", instance)
              .dispatcher(new BillingDispatcher(handler)).build());
      // SIGTERM (Process.destroy) is a graceful stop; SIGKILL (destroyForcibly) runs nothing.
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        consumer.close(Duration.ofSeconds(10));
        stopped.countDown();
      }));
      consumer.start();
      stopped.await();
    }
  }
}
