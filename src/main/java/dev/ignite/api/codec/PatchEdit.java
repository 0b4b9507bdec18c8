package dev.ignite.api.codec;

import java.util.List;
import java.util.stream.IntStream;

/** Replace the chars {@code [start, end)} of the text with {@code replacement}. */
record PatchEdit(int start, int end, String replacement) {
  static PatchEdit insert(int at, String text) {
    return new PatchEdit(at, at, text);
  }

  /**
   * Applies non-overlapping edits from the end of the text backwards, so that earlier positions
   * stay valid. Of two insertions at one position, the one listed later ends up later in the text.
   */
  static String apply(String text, List<PatchEdit> edits) {
    StringBuilder out = new StringBuilder(text);
    IntStream.range(0, edits.size())
        .boxed()
        .sorted(
            (a, b) -> {
              int byStart = Integer.compare(edits.get(b).start(), edits.get(a).start());
              return byStart != 0 ? byStart : Integer.compare(b, a);
            })
        .map(edits::get)
        .forEach(e -> out.replace(e.start(), e.end(), e.replacement()));
    return out.toString();
  }
}
