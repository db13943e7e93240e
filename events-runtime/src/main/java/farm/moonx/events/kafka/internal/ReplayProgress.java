package farm.moonx.events.kafka.internal;

import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;

/**
 * Which offsets of one dead-letter partition a replay group has sent: every offset below the
 * committed offset, plus the scattered ones above it listed in the commit's metadata as ranges
 * ({@code "r1:17-19,42"}). A replay of one selection then never re-sends what an earlier
 * replay of another selection sent, and entries it passed over stay replayable.
 */
final class ReplayProgress {
  private static final String FORMAT = "r1:";
  /** Kafka's default {@code offset.metadata.max.bytes} is 4096; stay well below it. */
  static final int MAX_METADATA_CHARS = 3_000;

  private long base;
  private final TreeSet<Long> above = new TreeSet<>();

  private ReplayProgress(long base) {
    this.base = base;
  }

  /** The progress a commit holds (null: nothing replayed yet). */
  static ReplayProgress of(OffsetAndMetadata committed) {
    if (committed == null) {
      return new ReplayProgress(0);
    }
    ReplayProgress progress = new ReplayProgress(committed.offset());
    String metadata = committed.metadata();
    if (metadata != null && metadata.startsWith(FORMAT) && metadata.length() > FORMAT.length()) {
      for (String range : metadata.substring(FORMAT.length()).split(",")) {
        int dash = range.indexOf('-');
        long from = Long.parseLong(dash < 0 ? range : range.substring(0, dash));
        long to = dash < 0 ? from : Long.parseLong(range.substring(dash + 1));
        for (long o = from; o <= to; o++) {
          progress.above.add(o);
        }
      }
    }
    return progress;
  }

  /** Where reading must start: nothing below was left unsent. */
  long base() {
    return base;
  }

  boolean sent(long offset) {
    return offset < base || above.contains(offset);
  }

  void markSent(long offset) {
    above.add(offset);
    while (above.remove(base)) {
      base++;
    }
  }

  /** Whether the offsets sent so far still fit in a commit's metadata. */
  boolean recordable() {
    return above.size() < 200 || encode().length() <= MAX_METADATA_CHARS; // ranges: at most one per offset
  }

  /** The commit saving this progress. */
  OffsetAndMetadata commit() {
    String metadata = encode();
    if (metadata.length() > MAX_METADATA_CHARS) {
      throw new IllegalStateException("the replayed entries are too scattered to record (" + above.size()
          + " single offsets); replay a contiguous selection first, or give another --group");
    }
    return new OffsetAndMetadata(base, metadata);
  }

  private String encode() {
    StringBuilder out = new StringBuilder(FORMAT);
    Long start = null;
    Long last = null;
    for (long offset : above) {
      if (last != null && offset == last + 1) {
        last = offset;
        continue;
      }
      append(out, start, last);
      start = offset;
      last = offset;
    }
    append(out, start, last);
    return out.toString();
  }

  private static void append(StringBuilder out, Long start, Long last) {
    if (start == null) {
      return;
    }
    if (out.length() > FORMAT.length()) {
      out.append(',');
    }
    out.append(start);
    if (!last.equals(start)) {
      out.append('-').append(last);
    }
  }
}
