package dev.ignite.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Prints rows as left-aligned columns two spaces apart, as {@code ps} does. */
final class Columns {
  private Columns() {}

  /** Prints a table of {@code objects} under {@code header}, or with -q only each one's id. */
  static <T> void printOrIds(
      List<T> objects,
      String[] header,
      Function<T, String[]> row,
      Function<T, String> id,
      boolean quiet,
      PrintWriter out) {
    if (quiet) {
      objects.forEach(o -> out.println(id.apply(o)));
      return;
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(header);
    objects.forEach(o -> rows.add(row.apply(o)));
    print(rows, out);
  }

  static void print(List<String[]> rows, PrintWriter out) {
    int columns = rows.get(0).length;
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int i = 0; i < columns; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder b = new StringBuilder();
    for (String[] row : rows) {
      for (int i = 0; i < columns; i++) {
        b.append(row[i]);
        if (i < columns - 1) {
          b.append(" ".repeat(widths[i] - row[i].length() + 2));
        }
      }
      b.append('\n');
    }
    out.print(b);
  }
}
