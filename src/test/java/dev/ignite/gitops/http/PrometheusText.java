package dev.ignite.gitops.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of Prometheus' text exposition format (0.0.4) for tests: every line must be a
 * HELP, a TYPE or a sample, or it throws. Samples come back keyed by {@code name{labels}} as
 * written.
 */
final class PrometheusText {
  private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
  private static final String LABEL = "[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\"";
  private static final String VALUE = "(?:[-+]?(?:[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?|Inf)|NaN)";
  private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") .*");
  private static final Pattern TYPE =
      Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");
  private static final Pattern SAMPLE =
      Pattern.compile(
          "("
              + NAME
              + "(?:\\{(?:"
              + LABEL
              + "(?:,"
              + LABEL
              + ")*,?)?\\})?) ("
              + VALUE
              + ")(?: -?[0-9]+)?");

  final Map<String, String> types = new LinkedHashMap<>();
  final Map<String, Double> samples = new LinkedHashMap<>();

  static PrometheusText parse(String text) {
    PrometheusText parsed = new PrometheusText();
    int lineNumber = 0;
    for (String line : text.split("\n", -1)) {
      lineNumber++;
      if (line.isEmpty() || HELP.matcher(line).matches()) {
        continue;
      }
      Matcher type = TYPE.matcher(line);
      Matcher sample = SAMPLE.matcher(line);
      if (type.matches()) {
        parsed.types.put(type.group(1), type.group(2));
      } else if (sample.matches()) {
        parsed.samples.put(
            sample.group(1), Double.parseDouble(sample.group(2).replace("Inf", "Infinity")));
      } else {
        throw new IllegalArgumentException(
            "line " + lineNumber + " is not Prometheus text: " + line);
      }
    }
    return parsed;
  }
}
