package farm.moonx.events.it.billing;

import farm.moonx.events.Delivery;
import farm.moonx.events.EventEnvelope;
import farm.moonx.events.it.billing.invoices.InvoiceIssued;
import farm.moonx.events.it.billing.invoices.InvoicesPublisher;
import farm.moonx.events.it.payments.PaymentRequested;
import farm.moonx.events.kafka.KafkaEventConsumer;
import farm.moonx.events.kafka.KafkaEventPublisher;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.CountDownLatch;

/**
 * A billing instance in its own JVM that answers each {@code payment.requested} with an
 * {@code invoice.issued} on another topic, exactly once: its consumer joins the transactions
 * of a transactional publisher, so the answer and the consumed offset commit together. Appends
 * {@code sequence,partition,offset,epochMillis} per handler call to a file (calls, not commits:
 * an aborted call is counted there, never on the output topic).
 *
 * <p>Arguments: bootstrap servers, input topic, output topic, group, output file, handler time
 * per event in ms, transactional id.
 */
public final class ChildChain {
  private ChildChain() {}

  public static void main(String[] args) throws Exception {
    String bootstrapServers = args[0];
    String input = args[1];
    String output = args[2];
    String group = args[3];
    String file = args[4];
    long workMillis = Long.parseLong(args[5]);
    String transactionalId = args[6];
    CountDownLatch stopped = new CountDownLatch(1);
    try (FileOutputStream out = new FileOutputStream(file, true);
        KafkaEventPublisher answers = KafkaEventPublisher.create(Clients.publisherConfig(bootstrapServers, output)
            .transactionalId(transactionalId).build())) {
      InvoicesPublisher invoices = new InvoicesPublisher(answers);
      KafkaEventConsumer consumer = KafkaEventConsumer.create(Clients.consumerConfig(bootstrapServers, group, input)
          .exactlyOnce(answers)
          .dispatcher(new BillingDispatcher(new BillingHandler.Adapter() {
            @Override
            public void onPaymentRequested(EventEnvelope<PaymentRequested> event, Delivery context)
                throws IOException, InterruptedException {
              PaymentRequested request = event.data();
              invoices.invoiceIssued(new InvoiceIssued("inv-" + request.sequence(), request.accountId(), request.requestId(),
                  request.amount(), request.currency(), LocalDate.of(2026, 12, 31))).join();
              if (workMillis > 0) {
                // After the answer is on the broker, before the commit: where a kill hurts most.
                Thread.sleep(workMillis);
              }
              out.write((request.sequence() + "," + context.partition() + "," + context.offset() + ","
                  + System.currentTimeMillis() + "\n").getBytes(StandardCharsets.US_ASCII));
            }
          })).build());
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        consumer.close(Duration.ofSeconds(10));
        stopped.countDown();
      }));
      consumer.start();
      stopped.await();
    }
  }
}
