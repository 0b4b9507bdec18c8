package dev.ignite.api.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatusPatcherTest {
  private static final String HEAD =
      "apiVersion: ignite.weave.works/v1alpha4\nkind: VM\nmetadata:\n  name: my-vm\n";

  private static Map<String, Object> running(String ip) {
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("running", true);
    status.put("network", Map.of("ipAddresses", List.of(ip)));
    return status;
  }

  @Test
  void appendsStatusAtTheEndOfTheDocumentWhenItHasNone() {
    String text = HEAD + "spec:\n  cpus: 2 # two\n\n# footer\n";
    String patched = StatusPatcher.patch(text, "my-vm", running("10.0.2.15"), Optional.empty());
    assertThat(patched)
        .isEqualTo(
            HEAD
                + "spec:\n  cpus: 2 # two\n"
                + "status:\n  running: true\n  network:\n    ipAddresses:\n      - 10.0.2.15\n"
                + "\n# footer\n");
  }

  @Test
  void appendsAfterALastLineWithoutANewline() {
    String text = HEAD + "spec:\n  cpus: 2";
    String patched = StatusPatcher.patch(text, "my-vm", Map.of("running", false), Optional.empty());
    assertThat(patched).isEqualTo(HEAD + "spec:\n  cpus: 2\nstatus:\n  running: false");
  }

  @Test
  void appendsBeforeTheDocumentEndMarker() {
    String text = HEAD + "...\n---\nkind: Other\n";
    String patched = StatusPatcher.patch(text, "my-vm", Map.of("running", true), Optional.empty());
    assertThat(patched)
        .isEqualTo(
            HEAD.replace("my-vm\n", "my-vm\nstatus:\n  running: true\n")
                + "...\n---\nkind: Other\n");
  }

  @Test
  void replacesAStatusInTheMiddleInPlace() {
    String text = HEAD + "status:\n  running: false\nspec:\n  cpus: 2\n";
    String patched = StatusPatcher.patch(text, "my-vm", Map.of("running", true), Optional.empty());
    assertThat(patched).isEqualTo(HEAD + "status:\n  running: true\nspec:\n  cpus: 2\n");
  }

  @Test
  void returnsTheIdenticalStringWhenTheStatusIsUnchanged() {
    String text = HEAD + "status:\n  network: {ipAddresses: [10.0.2.15]}\n  running: true # up\n";
    String patched = StatusPatcher.patch(text, "my-vm", running("10.0.2.15"), Optional.empty());
    assertThat(patched).isSameAs(text);
  }

  @Test
  void rewritesANumberInTheFileThatShouldBeAString() {
    String text = HEAD + "status:\n  runtime:\n    id: 1234\n";
    Map<String, Object> status = Map.of("runtime", Map.of("id", "1234"));
    String patched = StatusPatcher.patch(text, "my-vm", status, Optional.empty());
    assertThat(patched).isEqualTo(HEAD + "status:\n  runtime:\n    id: \"1234\"\n");
  }

  @Test
  void keepsCrlfLineEndings() {
    String text = HEAD.replace("\n", "\r\n") + "spec:\r\n  cpus: 2\r\n";
    String patched = StatusPatcher.patch(text, "my-vm", running("10.0.2.15"), Optional.of("abc"));
    assertThat(patched.replace("\r\n", "")).doesNotContain("\n", "\r");
    assertThat(patched).contains("  uid: abc\r\n").endsWith("      - 10.0.2.15\r\n");
  }

  @Test
  void addsAUidOnlyWhenTheDocumentHasNone() {
    String withUid = StatusPatcher.patch(HEAD, "my-vm", Map.of(), Optional.of("0123"));
    assertThat(withUid).startsWith(HEAD + "  uid: \"0123\"\n");
    assertThat(StatusPatcher.patch(withUid, "my-vm", Map.of(), Optional.of("ffff")))
        .isSameAs(withUid);
  }

  @Test
  void countsPositionsInCodePointsAfterNonAsciiText() {
    String text = "# café ☕ 😀 𝄞\n" + HEAD + "status:\n  running: false # ☕\nspec: {}\n";
    String patched = StatusPatcher.patch(text, "my-vm", Map.of("running", true), Optional.empty());
    assertThat(patched)
        .isEqualTo("# café ☕ 😀 𝄞\n" + HEAD + "status:\n  running: true # ☕\nspec: {}\n");
  }

  @Test
  void writesOneLineJsonInline() {
    String text =
        "{\"apiVersion\": \"ignite.weave.works/v1alpha4\", \"kind\": \"VM\","
            + " \"metadata\": {\"name\": \"my-vm\"}}";
    String patched = StatusPatcher.patch(text, "my-vm", running("1.2.3.4"), Optional.of("u1"));
    assertThat(patched)
        .isEqualTo(
            "{\"apiVersion\": \"ignite.weave.works/v1alpha4\", \"kind\": \"VM\","
                + " \"metadata\": {\"name\": \"my-vm\", \"uid\": \"u1\"},"
                + " \"status\": {\"running\": true, \"network\": {\"ipAddresses\": [\"1.2.3.4\"]}}}");
  }

  @Test
  void keepsAFlowStatusFlowInABlockDocument() {
    String text = HEAD + "status: {running: false}  # flow\n";
    String patched = StatusPatcher.patch(text, "my-vm", running("10.0.2.15"), Optional.empty());
    assertThat(patched)
        .isEqualTo(HEAD + "status: {running: true, network: {ipAddresses: [10.0.2.15]}}  # flow\n");
  }

  @Test
  void followsTheFilesSequenceIndentation() {
    String text = HEAD + "spec:\n  ports:\n  - 80\n";
    String patched = StatusPatcher.patch(text, "my-vm", running("10.0.2.15"), Optional.empty());
    assertThat(patched).endsWith("    ipAddresses:\n    - 10.0.2.15\n");
  }

  @Test
  void leavesOtherDocumentsWithTheSameNameAlone() {
    String deployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: my-vm\n";
    String text = deployment + "---\n" + HEAD;
    String patched = StatusPatcher.patch(text, "my-vm", Map.of("running", true), Optional.empty());
    assertThat(patched).isEqualTo(deployment + "---\n" + HEAD + "status:\n  running: true\n");
  }

  @Test
  void rejectsAVmNameThatIsNotInTheFile() {
    assertThatThrownBy(() -> StatusPatcher.patch(HEAD, "other-vm", Map.of(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'other-vm'");
  }

  @Test
  void rejectsTwoVmDocumentsWithTheSameName() {
    assertThatThrownBy(
            () -> StatusPatcher.patch(HEAD + "---\n" + HEAD, "my-vm", Map.of(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 VM documents named 'my-vm'");
  }

  @Test
  void reportsTheLineAndColumnOfTextThatIsNotYaml() {
    String text = HEAD + "spec:\n  cpus: [2\n";
    assertThatThrownBy(() -> StatusPatcher.patch(text, "my-vm", Map.of(), Optional.empty()))
        .isInstanceOfSatisfying(
            ManifestException.class,
            e -> {
              FieldError error = e.errors().get(0);
              assertThat(error.line()).isEqualTo(7);
              assertThat(error.message()).startsWith("not valid YAML");
            });
  }

  @Test
  void appendsAfterALastEntryWhoseValueIsAnAlias() {
    String text = HEAD + "  labels: &l {a: b}\nspec:\n  image: {oci: x}\nextra: *l\n";
    String patched = StatusPatcher.patch(text, "my-vm", Map.of("running", true), Optional.empty());
    assertThat(patched).isEqualTo(text + "status:\n  running: true\n");
  }

  @Test
  void refusesAStatusThatIsAnAlias() {
    String text = HEAD + "  labels: &s {running: false}\nstatus: *s\n";
    assertThatThrownBy(
            () -> StatusPatcher.patch(text, "my-vm", Map.of("running", true), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 6")
        .hasMessageContaining("alias");
  }

  @Test
  void keepsAByteOrderMarkAndCountsPositionsAfterIt() {
    String text = "\ufeff" + HEAD + "status:\n  running: false\n";
    String patched = StatusPatcher.patch(text, "my-vm", Map.of("running", true), Optional.empty());
    assertThat(patched).isEqualTo("\ufeff" + HEAD + "status:\n  running: true\n");
  }
}
