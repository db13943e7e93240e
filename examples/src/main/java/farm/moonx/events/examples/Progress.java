package farm.moonx.events.examples;

import java.io.PrintStream;

/**
 * One progress line that redraws itself ({@code \r}) at most ten times a second, instead of a
 * line per event. Without a terminal ({@code animate} false) only the final state is printed.
 */
final class Progress {
  private static final int WIDTH = 30;
  private static final long REDRAW_NANOS = 100_000_000L;

  private final PrintStream out;
  private final boolean animate;
  private long lastDraw;

  Progress(PrintStream out, boolean animate) {
    this.out = out;
    this.animate = animate;
  }

  /** Shows {@code done} of {@code total} (redrawn only if the last redraw is old enough). */
  void update(String label, long done, long total, String unit) {
    long now = System.nanoTime();
    if (animate && now - lastDraw >= REDRAW_NANOS) {
      lastDraw = now;
      out.print("\r" + line(label, done, total, unit));
      out.flush();
    }
  }

  /** Shows the final state and ends the line. */
  void finish(String label, long done, long total, String unit) {
    out.println((animate ? "\r" : "") + line(label, done, total, unit));
    out.flush();
  }

  private static String line(String label, long done, long total, String unit) {
    int filled = total <= 0 ? WIDTH : (int) Math.min(WIDTH, done * WIDTH / total);
    return String.format("  %-11s [%s%s] %d/%d %s", label,
        "#".repeat(filled), ".".repeat(WIDTH - filled), done, total, unit);
  }
}
