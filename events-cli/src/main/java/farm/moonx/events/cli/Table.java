package farm.moonx.events.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table: columns padded to their widest cell, cells cut to a maximum width. */
final class Table {
  private final List<String[]> rows = new ArrayList<>();
  private final int maxCell;

  Table(int maxCell, String... header) {
    this.maxCell = maxCell;
    rows.add(header);
  }

  void row(Object... cells) {
    String[] texts = new String[cells.length];
    for (int i = 0; i < cells.length; i++) {
      texts[i] = cut(cells[i] == null ? "-" : String.valueOf(cells[i]).replaceAll("\\s+", " "));
    }
    rows.add(texts);
  }

  void print(PrintWriter out) {
    int[] widths = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        line.append(i == row.length - 1 ? row[i] : String.format("%-" + widths[i] + "s  ", row[i]));
      }
      out.println(line.toString().stripTrailing());
    }
  }

  private String cut(String text) {
    return text.length() <= maxCell ? text : text.substring(0, maxCell - 1) + "…";
  }
}
