package dev.ignite.cli;

import dev.ignite.api.Vm;
import java.util.ArrayList;
import java.util.List;

/**
 * The subset of Go templates that scripts pass to {@code ignite ps -t}: literal text and field
 * references {@code {{.Spec.Memory}}}. Other actions (range, if, pipes) are refused.
 */
final class VmTemplate {
  private final List<String> literals = new ArrayList<>();
  private final List<String> paths = new ArrayList<>();

  private VmTemplate() {}

  static VmTemplate parse(String text) {
    VmTemplate t = new VmTemplate();
    int pos = 0;
    while (true) {
      int open = text.indexOf("{{", pos);
      if (open < 0) {
        t.literals.add(text.substring(pos));
        return t;
      }
      int close = text.indexOf("}}", open);
      if (close < 0) {
        throw new CliException("template: \"{{\" at column " + (open + 1) + " is never closed");
      }
      String action = text.substring(open + 2, close).trim();
      if (!action.matches("\\.[A-Za-z][A-Za-z0-9_.-]*")) {
        throw new CliException(
            "template: {{"
                + action
                + "}} is not supported; only field paths like {{.Spec.Memory}}");
      }
      VmFields.check(action);
      t.literals.add(text.substring(pos, open));
      t.paths.add(action);
      pos = close + 2;
    }
  }

  String render(Vm vm) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < paths.size(); i++) {
      b.append(literals.get(i)).append(VmFields.render(vm, paths.get(i)));
    }
    return b.append(literals.get(paths.size())).toString();
  }
}
