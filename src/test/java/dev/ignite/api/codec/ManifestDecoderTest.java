package dev.ignite.api.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignite.api.Configuration;
import dev.ignite.api.Image;
import dev.ignite.api.Kernel;
import dev.ignite.api.KernelSpec;
import dev.ignite.api.OciSource;
import dev.ignite.api.PortMapping;
import dev.ignite.api.Size;
import dev.ignite.api.SshSpec;
import dev.ignite.api.Uid;
import dev.ignite.api.Vm;
import dev.ignite.api.VmSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestDecoderTest {

  static Vm onlyVm(Decoded d) {
    assertThat(d.errors()).isEmpty();
    assertThat(d.objects()).hasSize(1);
    return (Vm) d.objects().get(0).object();
  }

  @Test
  void readsTheV1alpha2SampleOfTheGitopsGuide() throws IOException {
    String text = Files.readString(Path.of("examples/my-vm.yaml"));

    Decoded d = ManifestDecoder.decode("my-vm.yaml", text);

    Vm vm = onlyVm(d);
    assertThat(d.objects().get(0).apiVersion()).isEqualTo("v1alpha2");
    assertThat(vm.name()).isEqualTo("my-vm");
    assertThat(vm.uid()).isEqualTo(new Uid("599615df99804ae8"));
    assertThat(vm.spec().image()).isEqualTo("weaveworks/ignite-ubuntu");
    assertThat(vm.spec().cpus()).isEqualTo(2);
    assertThat(vm.spec().diskSize()).isEqualTo(Size.ofGiB(3));
    assertThat(vm.spec().memory()).isEqualTo(Size.ofMiB(800));
    assertThat(vm.spec().ssh()).isEqualTo(SshSpec.GENERATE);
    assertThat(vm.spec().kernel()).isNull();
    assertThat(vm.spec().ports()).isNull();
    assertThat(vm.status().running()).isTrue();
  }

  @Test
  void skipsDocumentsOfOtherGroupsAndEmptyDocuments() {
    String text =
        """
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: 3
        ---
        ---
        apiVersion: ignite.weave.works/v1alpha4
        kind: VM
        metadata:
          name: db
        spec:
          image:
            oci: busybox
        ---
        """;

    Decoded d = ManifestDecoder.decode("mixed.yaml", text);

    assertThat(d.errors()).isEmpty();
    assertThat(d.skipped()).containsExactly(new Decoded.Skipped(0, "apps/v1", "Deployment", 2));
    assertThat(d.objects())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.documentIndex()).isEqualTo(2);
              assertThat(o.line()).isEqualTo(10);
              assertThat(((Vm) o.object()).name()).isEqualTo("db");
            });
  }

  @Test
  void readsJson() {
    String text =
        """
        {
          "apiVersion": "ignite.weave.works/v1alpha3",
          "kind": "VM",
          "metadata": {"name": "json-vm", "labels": {"team": "infra"}},
          "spec": {
            "image": {"oci": "busybox"},
            "memory": "1GB",
            "network": {"ports": [{"hostPort": 2222, "vmPort": 22, "bindAddress": "127.0.0.1"}]},
            "ssh": "/root/.ssh/id_ed25519.pub"
          }
        }
        """;

    Vm vm = onlyVm(ManifestDecoder.decode("vm.json", text));

    assertThat(vm.metadata().labels()).containsEntry("team", "infra");
    assertThat(vm.spec().memory()).isEqualTo(Size.ofGiB(1));
    assertThat(vm.spec().ports())
        .containsExactly(new PortMapping(2222, 22, "127.0.0.1", PortMapping.Protocol.TCP));
    assertThat(vm.spec().ssh()).isEqualTo(SshSpec.publicKey("/root/.ssh/id_ed25519.pub"));
  }

  @Test
  void reportsJsonErrorsWithPositions() {
    String text =
        "{\"apiVersion\": \"ignite.weave.works/v1alpha4\", \"kind\": \"VM\",\n"
            + " \"spec\": {\"image\": {\"oci\": \"b\"}, \"cpus\": \"2\"}}";

    assertThat(ManifestDecoder.decode("vm.json", text).errors())
        .extracting(FieldError::toString)
        .containsExactly("vm.json:2:42: spec.cpus: want an integer, got \"2\"");
  }

  @Test
  void keepsANumericUidAsWritten() {
    Vm vm = onlyVm(ManifestDecoder.decode("vm.yaml", vm("uid: 0012345")));

    assertThat(vm.uid()).isEqualTo(new Uid("0012345"));
  }

  @Test
  void acceptsAnUppercaseUuidgenUid() {
    Vm vm =
        onlyVm(ManifestDecoder.decode("vm.yaml", vm("uid: 3F2504E0-4F89-11D3-9A0C-0305E82C3301")));

    assertThat(vm.uid().value()).isEqualTo("3F2504E0-4F89-11D3-9A0C-0305E82C3301");
  }

  @Test
  void mapsV1alpha2FlatIpAddressesToNetworkStatus() {
    String text = vm("uid: abc") + "status:\n  running: true\n  ipAddresses: [10.0.2.15]\n";

    Vm vm = onlyVm(ManifestDecoder.decode("vm.yaml", text.replace("v1alpha4", "v1alpha2")));

    assertThat(vm.status().network().ipAddresses()).containsExactly("10.0.2.15");
  }

  @Test
  void refusesFlatIpAddressesAfterV1alpha2() {
    String text = vm("uid: abc") + "status:\n  ipAddresses: [10.0.2.15]\n";

    assertThat(ManifestDecoder.decode("vm.yaml", text).errors())
        .extracting(FieldError::toString)
        .containsExactly("vm.yaml:10:3: status.ipAddresses: unknown field");
  }

  @Test
  void leavesUnwrittenSpecFieldsNullForLayering() {
    VmSpec spec = onlyVm(ManifestDecoder.decode("vm.yaml", vm("uid: abc"))).spec();

    assertThat(spec).isEqualTo(VmSpec.UNSET.withImage("busybox"));
  }

  @Test
  void readsAConfigurationWithVmDefaults() {
    String text =
        """
        apiVersion: ignite.weave.works/v1alpha4
        kind: Configuration
        metadata:
          name: test-config
        spec:
          runtime: qemu
          networkPlugin: user
          idPrefix: my-org
          insecureRegistries: [127.0.0.1:5000]
          vmDefaults:
            memory: 2GB
            kernel:
              cmdLine: console=ttyS0
        """;

    Decoded d = ManifestDecoder.decode("config.yaml", text);

    assertThat(d.errors()).isEmpty();
    Configuration c = (Configuration) d.objects().get(0).object();
    assertThat(c.runtime()).isEqualTo("qemu");
    assertThat(c.networkPlugin()).isEqualTo("user");
    assertThat(c.idPrefix()).isEqualTo("my-org");
    assertThat(c.insecureRegistries()).containsExactly("127.0.0.1:5000");
    assertThat(c.vmDefaults())
        .isEqualTo(
            VmSpec.UNSET
                .withMemory(Size.ofGiB(2))
                .withKernel(new KernelSpec(null, "console=ttyS0")));
  }

  @Test
  void readsImageAndKernelObjects() {
    String text =
        """
        apiVersion: ignite.weave.works/v1alpha4
        kind: Image
        metadata: {name: ubuntu}
        spec: {oci: weaveworks/ignite-ubuntu}
        status:
          oci: {id: "sha256:ab12", size: 237539766, repoDigests: ["weaveworks/ignite-ubuntu@sha256:cd"]}
        ---
        apiVersion: ignite.weave.works/v1alpha4
        kind: Kernel
        metadata: {name: host}
        spec: {oci: host}
        status: {version: 6.1.0-56-amd64}
        """;

    List<DecodedObject> objects = ManifestDecoder.decode("objects.yaml", text).orThrow();

    Image image = (Image) objects.get(0).object();
    assertThat(image.oci()).isEqualTo("weaveworks/ignite-ubuntu");
    assertThat(image.source())
        .isEqualTo(
            new OciSource(
                "sha256:ab12",
                Size.ofBytes(237539766),
                List.of("weaveworks/ignite-ubuntu@sha256:cd")));
    Kernel kernel = (Kernel) objects.get(1).object();
    assertThat(kernel.version()).isEqualTo("6.1.0-56-amd64");
    assertThat(kernel.source()).isNull();
  }

  private static String vm(String metadataLine) {
    return "apiVersion: ignite.weave.works/v1alpha4\nkind: VM\nmetadata:\n  name: my-vm\n  "
        + metadataLine
        + "\nspec:\n  image:\n    oci: busybox\n";
  }
}
