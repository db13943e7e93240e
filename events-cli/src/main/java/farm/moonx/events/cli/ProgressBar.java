package farm.moonx.events.cli;

import java.io.PrintWriter;

/** A one-line progress bar redrawn on the error stream (stdout stays clean for the report). */
final class ProgressBar {
  private static final int WIDTH = 30;
  private final PrintWriter err;
  private int lastPercent = -1;

  ProgressBar(PrintWriter err) {
    this.err = err;
  }

  void update(long done, long total) {
    int percent = total == 0 ? 100 : (int) (done * 100 / total);
    if (percent == lastPercent) {
      return; // redraw only when the bar changes
    }
    lastPercent = percent;
    int filled = percent * WIDTH / 100;
    err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total);
    err.flush();
  }

  void finish() {
    if (lastPercent >= 0) {
      err.println();
    }
  }
}
