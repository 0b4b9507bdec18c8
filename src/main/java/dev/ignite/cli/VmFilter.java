package dev.ignite.cli;

import dev.ignite.api.Vm;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code ps --filter}: {@code name=my-vm} or Ignite's {@code {{.ObjectMeta.Name}}=my-vm}, with
 * operators {@code =}, {@code ==}, {@code !=}, {@code =~} (regex), {@code !~}; several filters
 * separated by commas must all hold.
 */
final class VmFilter implements Predicate<Vm> {
  private static final Map<String, String> SHORT_KEYS =
      Map.of(
          "name", "ObjectMeta.Name",
          "uid", "ObjectMeta.UID",
          "id", "ObjectMeta.UID",
          "image", "Spec.Image.OCI",
          "kernel", "Spec.Kernel.OCI",
          "running", "Status.Running");
  private static final String[] OPERATORS = {"==", "!=", "=~", "!~", "="};

  private final String path;
  private final String operator;
  private final String value;
  private final Pattern regex;

  private VmFilter(String path, String operator, String value) {
    this.path = path;
    this.operator = operator;
    this.value = value;
    this.regex = operator.endsWith("~") ? compile(value) : null;
  }

  /** All filters in {@code text} combined with AND. */
  static Predicate<Vm> parseAll(String text) {
    List<VmFilter> filters = new ArrayList<>();
    for (String one : splitOutsideBraces(text)) {
      filters.add(parse(one.trim()));
    }
    return vm -> filters.stream().allMatch(f -> f.test(vm));
  }

  static VmFilter parse(String text) {
    int keyEnd = text.startsWith("{{") ? text.indexOf("}}") + 2 : 0;
    if (keyEnd == 1) {
      throw new CliException("filter \"" + text + "\": \"{{\" is never closed");
    }
    for (int i = keyEnd; i < text.length(); i++) {
      for (String op : OPERATORS) {
        if (text.startsWith(op, i)) {
          String key = text.substring(0, i).trim();
          String path = pathOf(key, text);
          VmFields.check(path);
          return new VmFilter(path, op, text.substring(i + op.length()));
        }
      }
    }
    throw new CliException(
        "filter \"" + text + "\": want KEY=VALUE (operators = == != =~ !~), e.g. name=my-vm");
  }

  @Override
  public boolean test(Vm vm) {
    String actual = VmFields.render(vm, path);
    return switch (operator) {
      case "=", "==" -> actual.equals(value);
      case "!=" -> !actual.equals(value);
      case "=~" -> regex.matcher(actual).find();
      default -> !regex.matcher(actual).find();
    };
  }

  private static String pathOf(String key, String filter) {
    if (key.startsWith("{{") && key.endsWith("}}")) {
      return key.substring(2, key.length() - 2).trim();
    }
    String path = SHORT_KEYS.get(key);
    if (path == null) {
      throw new CliException(
          "filter \""
              + filter
              + "\": unknown key \""
              + key
              + "\"; use one of "
              + String.join(", ", new java.util.TreeSet<>(SHORT_KEYS.keySet()))
              + " or a field path like {{.ObjectMeta.Name}}");
    }
    return path;
  }

  private static Pattern compile(String regex) {
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new CliException("filter regex \"" + regex + "\": " + e.getDescription());
    }
  }

  private static List<String> splitOutsideBraces(String text) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.startsWith("{{", i)) {
        depth++;
      } else if (text.startsWith("}}", i) && depth > 0) {
        depth--;
      } else if (text.charAt(i) == ',' && depth == 0) {
        parts.add(text.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(text.substring(start));
    return parts;
  }
}
