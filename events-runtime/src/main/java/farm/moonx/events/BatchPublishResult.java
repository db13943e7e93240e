package farm.moonx.events;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The outcome of a batch publish: one future per event, in the order given, and one that
 * completes when all have (exceptionally if any failed).
 *
 * @param results one future per event, in order
 * @param all completes with every result in order, or exceptionally with the first failure
 */
public record BatchPublishResult(
    List<CompletableFuture<PublishResult>> results, CompletableFuture<List<PublishResult>> all) {

  /** Wraps per-event futures and derives {@link #all()} from them. */
  public static BatchPublishResult of(List<CompletableFuture<PublishResult>> results) {
    List<CompletableFuture<PublishResult>> copy = List.copyOf(results);
    CompletableFuture<List<PublishResult>> all =
        CompletableFuture.allOf(copy.toArray(CompletableFuture[]::new))
            .thenApply(ignored -> copy.stream().map(CompletableFuture::join).toList());
    return new BatchPublishResult(copy, all);
  }
}
