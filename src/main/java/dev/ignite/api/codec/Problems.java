package dev.ignite.api.codec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;

/** Collects every error of one file, so the user sees them all at once. */
final class Problems {
  private final String file;
  private final List<FieldError> errors = new ArrayList<>();

  Problems(String file) {
    this.file = file;
  }

  void at(Node node, String path, String message) {
    at(node == null ? Optional.empty() : node.getStartMark(), path, message);
  }

  void at(Optional<Mark> mark, String path, String message) {
    at(
        mark.map(m -> m.getLine() + 1).orElse(1),
        mark.map(m -> m.getColumn() + 1).orElse(1),
        path,
        message);
  }

  void at(int line, int column, String path, String message) {
    errors.add(new FieldError(file, line, column, path, message));
  }

  int count() {
    return errors.size();
  }

  /** Errors in file order, whatever order the checks ran in. */
  List<FieldError> sorted() {
    List<FieldError> copy = new ArrayList<>(errors);
    copy.sort(Comparator.comparingInt(FieldError::line).thenComparingInt(FieldError::column));
    return copy;
  }
}
