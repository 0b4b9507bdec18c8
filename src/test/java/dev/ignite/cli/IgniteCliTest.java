package dev.ignite.cli;

import static dev.ignite.cli.CliRun.ignite;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IgniteCliTest {
  static final String MY_VM =
      """
      apiVersion: ignite.weave.works/v1alpha2
      kind: VM
      metadata:
        name: my-vm
        uid: 599615df99804ae8
      spec:
        image:
          oci: weaveworks/ignite-ubuntu
        cpus: 2
        diskSize: 3GB
        memory: 800MB
        ssh: true
      status:
        running: true
      """;

  @TempDir Path state;
  @TempDir Path files;

  private String write(String name, String text) throws Exception {
    Path p = files.resolve(name);
    Files.writeString(p, text);
    return p.toString();
  }

  @Test
  void createFromAFileThenPsShowsItsSizes() throws Exception {
    CliRun created = ignite(state, "create", "--config", write("my-vm.yaml", MY_VM));
    assertThat(created.exitCode()).isZero();
    assertThat(created.out()).contains("my-vm").contains("599615df99804ae8");

    CliRun ps = ignite(state, "ps", "-a");
    assertThat(ps.out().lines())
        .element(1)
        .asString()
        .contains("599615df99804ae8", "weaveworks/ignite-ubuntu", "3.0 GB", "800.0 MB", "my-vm")
        .containsPattern("\\s2\\s");
  }

  @Test
  void psWithoutAllShowsOnlyRunningVms() throws Exception {
    ignite(state, "create", "--config", write("my-vm.yaml", MY_VM));
    assertThat(ignite(state, "ps").out().lines()).hasSize(1);
  }

  @Test
  void filterAndTemplatePrintFieldsOfTheMatchingVm() throws Exception {
    ignite(state, "create", "--config", write("my-vm.yaml", MY_VM));
    ignite(state, "create", "busybox", "--name", "other");

    CliRun run =
        ignite(
            state,
            "ps",
            "-a",
            "-f",
            "{{.ObjectMeta.Name}}=my-vm",
            "-t",
            "{{.Spec.Memory}} {{.Spec.CPUs}} {{.Spec.DiskSize}}");
    assertThat(run.out()).isEqualTo("800.0 MB 2 3.0 GB\n");
  }

  @Test
  void flagsWinOverTheFile() throws Exception {
    ignite(
        state,
        "create",
        "--config",
        write("my-vm.yaml", MY_VM),
        "--memory",
        "1GB",
        "--cpus",
        "3",
        "--name",
        "renamed",
        "-p",
        "127.0.0.1:2222:22/tcp",
        "-l",
        "env=dev");

    CliRun run =
        ignite(
            state,
            "ps",
            "-a",
            "-t",
            "{{.Name}} {{.Spec.Memory}} {{.Spec.CPUs}} {{.Spec.Network.Ports}} {{.Labels.env}}");
    assertThat(run.out()).isEqualTo("renamed 1024.0 MB 3 [127.0.0.1:2222->22/tcp] dev\n");
  }

  @Test
  void aVmThatNamesNoKernelGetsIgnitesOwnOnceItIsBuiltAndTheHostsOtherwise() throws Exception {
    Path build = files.resolve("kernel-build");
    Files.createDirectories(build.resolve("45adccbb1807/oci"));
    Files.writeString(build.resolve("45adccbb1807/oci/index.json"), "{}");
    String ref = "oci:" + build + "/45adccbb1807/oci:6.1.192-ignite";
    Files.writeString(build.resolve("default-image"), ref + "\n");
    String file = write("my-vm.yaml", MY_VM);

    ignite(state, build, "create", "--config", file);
    String other = write("other.yaml", MY_VM.replace("  uid: 599615df99804ae8\n", ""));
    ignite(
        state, build, "create", "--config", other, "--name", "on-host", "--kernel-image", "host");

    assertThat(ignite(state, "inspect", "vm", "my-vm", "-o", "yaml").out()).contains("oci: " + ref);
    assertThat(ignite(state, "inspect", "vm", "on-host", "-o", "yaml").out()).contains("oci: host");
  }

  @Test
  void inspectPrintsV1alpha4WithDefaultsFilledIn() throws Exception {
    ignite(state, "create", "--config", write("my-vm.yaml", MY_VM));

    CliRun run = ignite(state, "inspect", "vm", "my-vm", "-o", "yaml");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("apiVersion: ignite.weave.works/v1alpha4")
        .contains("memory: 800MB")
        .contains("oci: host")
        .contains("cmdLine: console=ttyS0");
    assertThat(ignite(state, "inspect", "vm", "5996").out()).contains("\"kind\": \"VM\"");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "spec:\n  memroy: 1GB\n",
        "spec:\n  memory: 1.5GB\n",
        "metadata:\n  name: My_VM\n",
        "spec:\n  image: {}\n"
      })
  void aBadFileExitsNonZeroNamingFileLineAndColumnAndWritesNothing(String change) throws Exception {
    String file = write("bad.yaml", badVariant(change));

    CliRun run = ignite(state, "create", "--config", file);

    assertThat(run.exitCode()).isNotZero();
    assertThat(run.err()).containsPattern(Pattern.quote(file) + ":\\d+:\\d+: ");
    assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(Files.exists(state.resolve("vms"))).isFalse();
  }

  private static String badVariant(String change) {
    String base =
        "apiVersion: ignite.weave.works/v1alpha4\nkind: VM\nmetadata:\n  name: my-vm\n"
            + "spec:\n  image:\n    oci: busybox\n  memory: 1GB\n";
    if (change.startsWith("metadata")) {
      return base.replace("name: my-vm", "name: My_VM");
    }
    if (change.contains("memroy")) {
      return base.replace("memory: 1GB", "memroy: 1GB");
    }
    if (change.contains("1.5GB")) {
      return base.replace("memory: 1GB", "memory: 1.5GB");
    }
    return base.replace("  image:\n    oci: busybox\n", "");
  }

  @Test
  void aDuplicateNameIsOneLineOnStderr() throws Exception {
    ignite(state, "create", "busybox", "--name", "a");
    CliRun run = ignite(state, "create", "busybox", "--name", "a");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().lines()).hasSize(1).first().asString().startsWith("error: a VM named a");
  }

  @Test
  void anUnknownFlagIsOneLineNamingTheHelp() {
    CliRun run = ignite(state, "ps", "--bogus");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines()).hasSize(1).first().asString().contains("ignite ps --help");
  }

  @Test
  void quietPrintsOnlyIds() throws Exception {
    String uid = ignite(state, "-q", "create", "busybox", "--name", "a").out().strip();
    assertThat(uid).matches("[0-9a-f]{16}");
    assertThat(ignite(state, "ps", "-a", "-q").out()).isEqualTo(uid + "\n");
    assertThat(ignite(state, "ps", "-aq").out()).isEqualTo(uid + "\n");
  }

  @Test
  void theStateDirFlagWorksBeforeAndAfterTheCommand(@TempDir Path other) {
    ignite(state, "--state-dir", other.toString(), "create", "busybox", "--name", "a");
    ignite(state, "create", "busybox", "--name", "b", "--state-dir", other.toString());
    assertThat(ignite(state, "ps", "-a", "--state-dir", other.toString(), "-t", "{{.Name}}").out())
        .isEqualTo("a\nb\n");
    assertThat(ignite(state, "ps", "-a", "-q").out()).isEmpty();
  }

  @Test
  void rmRemovesAStoppedVmAndRefusesARunningOneWithoutForce() throws Exception {
    ignite(state, "create", "busybox", "--name", "a");
    assertThat(ignite(state, "rm", "a").exitCode()).isZero();
    assertThat(ignite(state, "ps", "-a", "-q").out()).isEmpty();
    assertThat(ignite(state, "rm", "a").err()).startsWith("error: no VM with name");
  }

  @Test
  void aVmWhoseProcessIsGoneIsMarkedWithAFootnote() throws Exception {
    ignite(state, "create", "--config", write("my-vm.yaml", MY_VM));
    Path file = state.resolve("vms/599615df99804ae8/metadata.json");
    Process p = new ProcessBuilder("true").start();
    p.waitFor();
    String running =
        Files.readString(file)
            .replace(
                "\"running\": false",
                "\"running\": true, \"runtime\": {\"name\": \"qemu\", \"id\": \""
                    + p.pid()
                    + "\"}");
    Files.writeString(file, running);

    CliRun ps = ignite(state, "ps");
    assertThat(ps.out()).contains(" *").contains(PsTable.FOOTNOTE);
  }

  @Test
  void versionPrintsShortJsonAndYaml() {
    assertThat(ignite(state, "version", "-o", "short").out().strip())
        .isNotEmpty()
        .doesNotContain(" ");
    assertThat(ignite(state, "version", "-o", "json").out()).contains("\"ignite\":");
    assertThat(ignite(state, "version", "-o", "yaml").out()).contains("ignite: ");
    assertThat(ignite(state, "version", "-o", "xml").exitCode()).isNotZero();
  }

  @Test
  void everyCommandsHelpHasAnExample() {
    for (String cmd :
        Stream.of("version", "create", "ps", "inspect", "rm", "completion").toList()) {
      CliRun help = ignite(state, cmd, "--help");
      assertThat(help.exitCode()).as(cmd).isZero();
      assertThat(help.out()).as(cmd).contains("Example").contains("ignite " + cmd);
    }
  }

  @Test
  void completionPrintsAScriptForBashAndZsh() {
    assertThat(ignite(state, "completion", "bash").out()).contains("complete -F");
    assertThat(ignite(state, "completion", "zsh").out()).contains("bashcompinit");
  }

  @Test
  void theHostConfigurationsVmDefaultsApplyUnderTheFlags() throws Exception {
    String cfg =
        write(
            "config.yaml",
            "apiVersion: ignite.weave.works/v1alpha4\nkind: Configuration\nmetadata:\n  name: c\n"
                + "spec:\n  vmDefaults:\n    cpus: 3\n");
    CliRun run = ignite(state, "--ignite-config", cfg, "create", "busybox", "--name", "a");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(ignite(state, "ps", "-a", "-t", "{{.Spec.CPUs}}").out()).isEqualTo("3\n");
  }

  @Test
  void aBadHostConfigurationIsReportedByFileAndWritesNothing() throws Exception {
    String cfg =
        write(
            "config.yaml",
            "apiVersion: ignite.weave.works/v1alpha4\nkind: Configuration\nmetadata:\n  name: c\n"
                + "spec:\n  vmDefaults:\n    cpuz: 3\n");
    CliRun run = ignite(state, "--ignite-config", cfg, "create", "busybox", "--name", "a");
    assertThat(run.exitCode()).isNotZero();
    assertThat(run.err()).contains(cfg + ":7:5: spec.vmDefaults.cpuz");
    assertThat(Files.exists(state.resolve("vms"))).isFalse();
  }
}
