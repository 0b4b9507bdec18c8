package dev.ignite.api.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignite.api.ApiObject;
import dev.ignite.api.Condition;
import dev.ignite.api.Configuration;
import dev.ignite.api.Defaults;
import dev.ignite.api.FileMapping;
import dev.ignite.api.Image;
import dev.ignite.api.Kernel;
import dev.ignite.api.ObjectMeta;
import dev.ignite.api.OciSource;
import dev.ignite.api.PortMapping;
import dev.ignite.api.Size;
import dev.ignite.api.SshSpec;
import dev.ignite.api.StorageSpec;
import dev.ignite.api.Uid;
import dev.ignite.api.Vm;
import dev.ignite.api.VmSpec;
import dev.ignite.api.VmStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoundTripTest {

  private static ApiObject viaYaml(ApiObject o) {
    String yaml = ManifestEncoder.toYaml(o);
    Decoded d = ManifestDecoder.decode("roundtrip.yaml", yaml);
    assertThat(d.errors()).as(yaml).isEmpty();
    return d.objects().get(0).object();
  }

  private static ApiObject viaJson(ApiObject o) {
    String json = ManifestEncoder.toJson(o);
    Decoded d = ManifestDecoder.decode("roundtrip.json", json);
    assertThat(d.errors()).as(json).isEmpty();
    return d.objects().get(0).object();
  }

  private static void assertRoundTrips(ApiObject o) {
    assertThat(viaYaml(o)).as(ManifestEncoder.toYaml(o)).isEqualTo(o);
    assertThat(viaJson(o)).as(ManifestEncoder.toJson(o)).isEqualTo(o);
  }

  @Test
  void keepsAFullVmThroughYamlAndJson() {
    ObjectMeta meta =
        new ObjectMeta(
            "web",
            new Uid("599615df99804ae8"),
            Instant.parse("2026-11-25T20:00:00Z"),
            Map.of("team", "infra"),
            Map.of("note", "yes"));
    VmSpec spec =
        Defaults.apply(VmSpec.UNSET.withImage("weaveworks/ignite-ubuntu"))
            .withPorts(List.of(new PortMapping(8080, 80, null, null)))
            .withStorage(
                new StorageSpec(
                    List.of(new StorageSpec.Volume("data", "/dev/sdb")),
                    List.of(new StorageSpec.VolumeMount("data", "/var/data"))))
            .withCopyFiles(List.of(new FileMapping("/etc/resolv.conf", "/etc/resolv.conf")))
            .withSsh(SshSpec.GENERATE);
    VmStatus status =
        new VmStatus(
            true,
            Instant.parse("2026-11-25T20:00:05Z"),
            new VmStatus.RuntimeStatus("qemu", "4242"),
            new VmStatus.NetworkStatus("user", List.of("10.0.2.15")),
            new OciSource("sha256:aa", Size.ofMiB(120), List.of()),
            null,
            "ignite",
            List.of(
                new Condition(
                    "Ready",
                    "True",
                    "Booted",
                    "ssh answers",
                    Instant.parse("2026-11-25T20:00:09Z"))));

    assertRoundTrips(new Vm(meta, spec, status));
  }

  @Test
  void keepsImageKernelAndConfiguration() {
    assertRoundTrips(
        new Image(
            ObjectMeta.named("ubuntu"),
            "weaveworks/ignite-ubuntu",
            new OciSource(
                "sha256:ab",
                Size.ofBytes(237539766),
                List.of("weaveworks/ignite-ubuntu@sha256:cd"))));
    assertRoundTrips(new Kernel(ObjectMeta.named("host"), "host", "6.1.0-56-amd64", null));
    assertRoundTrips(
        new Configuration(
            ObjectMeta.named("default"),
            "qemu",
            "user",
            VmSpec.UNSET.withMemory(Size.ofGiB(1)).withPorts(List.of()),
            "my-org",
            List.of("127.0.0.1:5000")));
  }

  @Test
  void keepsRandomObjectsOfEveryKind() {
    RandomObjects random = new RandomObjects(20261125L);
    for (int i = 0; i < 500; i++) {
      assertRoundTrips(random.any());
    }
  }
}
