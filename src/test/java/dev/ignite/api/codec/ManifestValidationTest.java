package dev.ignite.api.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per validation rule, each with the exact text the user sees. */
class ManifestValidationTest {

  private static final String HEAD =
      """
      apiVersion: ignite.weave.works/v1alpha4
      kind: VM
      metadata:
        name: my-vm
      """;

  private static List<String> errors(String file, String text) {
    Decoded d = ManifestDecoder.decode(file, text);
    assertThat(d.objects()).isEmpty();
    return d.errors().stream().map(FieldError::toString).toList();
  }

  private static List<String> vmErrors(String spec) {
    return errors("vm.yaml", HEAD + "spec:\n  image:\n    oci: busybox\n" + spec);
  }

  @Test
  void reportsUnknownFieldAtItsKey() {
    String text =
        """
        apiVersion: ignite.weave.works/v1alpha4
        kind: VM
        metadata:
          name: my-vm
        spec:
          image:
            oci: weaveworks/ignite-ubuntu
          cpus: 2
          memroy: 800MB
        """;
    assertThat(errors("typo.yaml", text))
        .containsExactly("typo.yaml:9:3: spec.memroy: unknown field");
  }

  @Test
  void reportsFractionalSize() {
    assertThat(vmErrors("  memory: 1.5GB\n"))
        .containsExactly(
            "vm.yaml:8:11: spec.memory: invalid size \"1.5GB\": want an integer and a unit B, KB, MB,"
                + " GB or TB (e.g. 800MB)");
  }

  @Test
  void reportsBitUnitInSize() {
    assertThat(vmErrors("  diskSize: 3Gb\n"))
        .containsExactly(
            "vm.yaml:8:13: spec.diskSize: invalid size \"3Gb\": unit \"Gb\" reads as bits; write GB");
  }

  @Test
  void acceptsSizeWrittenAsBytes() {
    Decoded d =
        ManifestDecoder.decode(
            "vm.yaml", HEAD + "spec:\n  image:\n    oci: b\n  memory: 1048576\n");
    assertThat(ManifestDecoderTest.onlyVm(d).spec().memory().toString()).isEqualTo("1MB");
  }

  @Test
  void reportsNameThatIsNotDns1123() {
    String text =
        """
        apiVersion: ignite.weave.works/v1alpha4
        kind: VM
        metadata:
          name: My_VM
        spec:
          image:
            oci: busybox
        """;
    assertThat(errors("name.yaml", text))
        .containsExactly(
            "name.yaml:4:9: metadata.name: \"My_VM\" is not a DNS-1123 subdomain: lowercase letters,"
                + " digits, '-' and '.', starting and ending with a letter or digit (e.g. my-vm)");
  }

  @Test
  void reportsMissingImageAtTheImageKey() {
    assertThat(errors("noimage.yaml", HEAD + "spec:\n  image:\n    ociRef: busybox\n"))
        .containsExactly(
            "noimage.yaml:6:3: spec.image.oci: missing field (the OCI image to boot, e.g."
                + " weaveworks/ignite-ubuntu)",
            "noimage.yaml:7:5: spec.image.ociRef: unknown field");
  }

  @Test
  void reportsMissingImageWhenSpecHasNone() {
    assertThat(errors("noimage.yaml", HEAD + "spec:\n  cpus: 1\n"))
        .containsExactly(
            "noimage.yaml:5:1: spec.image: missing field (with oci: the OCI image to boot, e.g."
                + " weaveworks/ignite-ubuntu)");
  }

  @Test
  void reportsMissingSpec() {
    assertThat(errors("nospec.yaml", HEAD))
        .containsExactly(
            "nospec.yaml:1:1: spec: missing field (a VM needs at least spec.image.oci: the OCI"
                + " image to boot, e.g. weaveworks/ignite-ubuntu)");
  }

  @Test
  void reportsInvalidUid() {
    String text = HEAD + "  uid: ../../etc\nspec:\n  image:\n    oci: busybox\n";
    assertThat(errors("uid.yaml", text))
        .containsExactly(
            "uid.yaml:5:8: metadata.uid: invalid uid \"../../etc\": want 1-128 letters, digits or"
                + " '-' (or leave it out to get one generated)");
  }

  @Test
  void reportsPortOutOfRange() {
    String spec =
        """
          network:
            ports:
              - hostPort: 8080
                vmPort: 80
              - hostPort: 70000
                vmPort: 0
        """;
    assertThat(vmErrors(spec))
        .containsExactly(
            "vm.yaml:12:19: spec.network.ports[1].hostPort: 70000 is out of range: a port is 1-65535",
            "vm.yaml:13:17: spec.network.ports[1].vmPort: 0 is out of range: a port is 1-65535");
  }

  @Test
  void reportsProtocolOtherThanTcpOrUdp() {
    String spec = "  network:\n    ports:\n      - {hostPort: 53, vmPort: 53, protocol: sctp}\n";
    assertThat(vmErrors(spec))
        .containsExactly(
            "vm.yaml:10:46: spec.network.ports[0].protocol: want tcp or udp, got \"sctp\"");
  }

  @Test
  void reportsFewerThanOneCpu() {
    assertThat(vmErrors("  cpus: 0\n"))
        .containsExactly("vm.yaml:8:9: spec.cpus: 0 is out of range: a VM needs at least 1 CPU");
  }

  @Test
  void reportsWrongType() {
    assertThat(vmErrors("  cpus: two\n  ssh: 42\n"))
        .containsExactly(
            "vm.yaml:8:9: spec.cpus: want an integer, got \"two\"",
            "vm.yaml:9:8: spec.ssh: want true (generate a key), false, or the path of a public key,"
                + " got 42");
  }

  @Test
  void reportsUnknownVersionOfOurGroup() {
    String text = "apiVersion: ignite.weave.works/v1beta1\nkind: VM\n";
    assertThat(errors("v.yaml", text))
        .containsExactly(
            "v.yaml:1:13: apiVersion: unknown version \"v1beta1\" of ignite.weave.works: want"
                + " v1alpha2, v1alpha3 or v1alpha4");
  }

  @Test
  void reportsUnknownKindOfOurGroup() {
    String text = "apiVersion: ignite.weave.works/v1alpha4\nkind: Pod\n";
    assertThat(errors("k.yaml", text))
        .containsExactly(
            "k.yaml:2:7: kind: unknown kind \"Pod\": want VM, Image, Kernel or Configuration");
  }

  @Test
  void reportsDuplicateField() {
    assertThat(vmErrors("  cpus: 1\n  cpus: 2\n"))
        .containsExactly("vm.yaml:9:3: spec.cpus: duplicate field");
  }

  @Test
  void reportsInvalidYamlWithItsPosition() {
    assertThat(errors("bad.yaml", "kind: VM\nmetadata: [a\n"))
        .hasSize(1)
        .first()
        .asString()
        .startsWith("bad.yaml:3:1: invalid YAML: ");
  }

  @Test
  void reportsEveryErrorOfAFileAtOnce() {
    String text =
        """
        apiVersion: ignite.weave.works/v1alpha4
        kind: VM
        metadata:
          name: My_VM
          uid: 12:34
        spec:
          cpus: 0
          memory: 1.5GB
          diskSize: 3Gb
          memroy: 1GB
          network:
            ports:
              - {hostPort: 1, vmPort: 99999, protocol: icmp}
        ---
        apiVersion: ignite.weave.works/v1alpha3
        kind: Image
        spec: {}
        """;
    assertThat(errors("all.yaml", text))
        .extracting(e -> e.substring(0, e.indexOf(": ", e.indexOf(": ") + 2)))
        .containsExactly(
            "all.yaml:4:9: metadata.name",
            "all.yaml:5:8: metadata.uid",
            "all.yaml:6:1: spec.image",
            "all.yaml:7:9: spec.cpus",
            "all.yaml:8:11: spec.memory",
            "all.yaml:9:13: spec.diskSize",
            "all.yaml:10:3: spec.memroy",
            "all.yaml:13:31: spec.network.ports[0].vmPort",
            "all.yaml:13:48: spec.network.ports[0].protocol",
            "all.yaml:17:1: spec.oci");
  }
}
