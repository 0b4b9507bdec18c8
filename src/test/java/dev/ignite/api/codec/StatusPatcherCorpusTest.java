package dev.ignite.api.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

class StatusPatcherCorpusTest {

  static Stream<Path> corpus() {
    return PatchCorpus.files().stream();
  }

  static Map<String, Object> runningStatus() {
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("running", true);
    status.put("startTime", "2026-11-02T10:15:30Z");
    status.put("runtime", Map.of("name", "qemu", "id", "1234"));
    Map<String, Object> network = new LinkedHashMap<>();
    network.put("plugin", "user");
    network.put("ipAddresses", List.of("10.0.2.15"));
    status.put("network", network);
    Map<String, Object> ready = new LinkedHashMap<>();
    ready.put("type", "Ready");
    ready.put("status", "True");
    ready.put("reason", "Booted");
    ready.put("message", "SSH answered: yes");
    ready.put("lastTransitionTime", "2026-11-02T10:15:47Z");
    status.put("conditions", List.of(ready));
    status.put("idPrefix", "ignite");
    return status;
  }

  @Test
  void corpusHoldsAtLeastFifteenFiles() {
    assertThat(PatchCorpus.files()).hasSizeGreaterThanOrEqualTo(15);
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void changesOnlyTheStatusBlockAndAddsAMissingUid(Path file) {
    String text = PatchCorpus.read(file);
    PatchProperties.patchAndCheck(
        text, PatchCorpus.VM, runningStatus(), Optional.of("0123456789abcdef"));
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void changesOnlyTheStatusBlockWhenNoUidIsGiven(Path file) {
    String text = PatchCorpus.read(file);
    PatchProperties.patchAndCheck(text, PatchCorpus.VM, Map.of("running", false), Optional.empty());
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void writesAnEmptyStatusAndThenAFullOneAgain(Path file) {
    String text = PatchCorpus.read(file);
    String empty = PatchProperties.patchAndCheck(text, PatchCorpus.VM, Map.of(), Optional.empty());
    PatchProperties.patchAndCheck(empty, PatchCorpus.VM, runningStatus(), Optional.empty());
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void returnsTheSameTextWhenTheStatusIsAlreadyWritten(Path file) {
    String text = PatchCorpus.read(file);
    Optional<NodeTuple> status =
        PatchProperties.parse(text).stream()
            .filter(StatusPatcherCorpusTest::isMyVm)
            .findFirst()
            .flatMap(vm -> PatchNodes.entry(vm, "status"))
            .filter(s -> !PatchNodes.isEmptyNull(s.getValueNode()));
    if (status.isPresent()) {
      Map<String, Object> current = PatchProperties.constructed(status.get().getValueNode());
      assertThat(StatusPatcher.patch(text, PatchCorpus.VM, current, Optional.empty()))
          .isSameAs(text);
    }
  }

  private static boolean isMyVm(Node doc) {
    return PatchNodes.scalar(doc, "kind").orElse("").equals("VM")
        && PatchNodes.entry(doc, "metadata")
            .flatMap(m -> PatchNodes.scalar(m.getValueNode(), "name"))
            .orElse("")
            .equals(PatchCorpus.VM);
  }
}
