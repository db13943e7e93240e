package farm.moonx.events.kafka.internal;

import farm.moonx.events.PublishResult;
import farm.moonx.events.kafka.internal.PublishPipeline.Prepared;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.apache.kafka.common.KafkaException;

/** A batch of prepared events sent as one Kafka transaction: every future succeeds, or every one fails. */
public final class TransactionalBatch {
  private TransactionalBatch() {}

  /**
   * Sends {@code prepared} with {@code send} inside one transaction of {@code transactions} and
   * returns once it is committed or aborted. The futures complete only then: with the send
   * results after the commit, or all exceptionally after an abort (with the event's own error
   * where the broker refused that one, else the transaction's).
   */
  public static List<CompletableFuture<PublishResult>> publish(Transactions transactions, List<Prepared<?>> prepared,
      Function<Prepared<?>, CompletableFuture<PublishResult>> send) {
    List<CompletableFuture<PublishResult>> sent = new ArrayList<>(prepared.size());
    List<CompletableFuture<PublishResult>> results = new ArrayList<>(prepared.size());
    prepared.forEach(p -> results.add(new CompletableFuture<>()));
    try {
      transactions.run(() -> {
        prepared.forEach(p -> sent.add(send.apply(p)));
        return sent;
      }, ignored -> null, null, ignored -> true);
      for (int i = 0; i < sent.size(); i++) {
        results.get(i).complete(sent.get(i).join()); // committed: every send has completed
      }
    } catch (KafkaException e) {
      for (int i = 0; i < results.size(); i++) {
        CompletableFuture<PublishResult> own = i < sent.size() ? sent.get(i) : null;
        Throwable cause = own != null && own.isCompletedExceptionally() ? own.handle((r, x) -> x).join() : e;
        results.get(i).completeExceptionally(cause);
      }
    }
    return results;
  }
}
