package dev.ignite.cli;

import dev.ignite.api.ApiObject;
import dev.ignite.api.codec.ManifestEncoder;
import java.util.List;
import java.util.stream.Collectors;

/** Objects as v1alpha4 JSON (an array for several) or YAML (documents separated by ---). */
final class Output {
  private Output() {}

  static String json(List<? extends ApiObject> objects) {
    return objects.stream()
        .map(o -> ManifestEncoder.toJson(o).strip())
        .collect(Collectors.joining(",\n", "[\n", "\n]\n"));
  }

  static String yaml(List<? extends ApiObject> objects) {
    return objects.stream()
        .map(o -> ManifestEncoder.toYaml(o).strip() + "\n")
        .collect(Collectors.joining("---\n"));
  }

  static String one(ApiObject object, String format) {
    return switch (format) {
      case "json" -> ManifestEncoder.toJson(object).strip() + "\n";
      case "yaml" -> ManifestEncoder.toYaml(object).strip() + "\n";
      default ->
          throw new CliException("unknown output format \"" + format + "\": use json or yaml");
    };
  }
}
