package dev.ignite.adapters.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignite.api.Condition;
import dev.ignite.api.FileMapping;
import dev.ignite.api.KernelSpec;
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
import dev.ignite.api.codec.ManifestDecoder;
import dev.ignite.api.codec.ManifestEncoder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The fast path must read exactly what the codec reads, or step aside. */
class FastVmReaderTest {
  static final Instant T = Instant.parse("2026-11-25T10:00:00Z");

  static Stream<Vm> vms() {
    ObjectMeta meta =
        new ObjectMeta(
            "web", new Uid("ABCD-1234"), T, Map.of("env", "prod", "a", "b"), Map.of("note", "x"));
    VmSpec full =
        new VmSpec(
            "nginx:1",
            new KernelSpec("kern:5", "console=ttyS0"),
            "sandbox:1",
            2,
            Size.ofMiB(800),
            Size.ofGiB(3),
            List.of(
                new PortMapping(8080, 80, "127.0.0.1", PortMapping.Protocol.UDP),
                new PortMapping(2222, 22, null, null)),
            new StorageSpec(
                List.of(new StorageSpec.Volume("data", "/dev/sdb")),
                List.of(new StorageSpec.VolumeMount("data", "/mnt"))),
            List.of(new FileMapping("/h", "/v")),
            SshSpec.publicKey("/k.pub"));
    VmStatus status =
        new VmStatus(
            true,
            T,
            new VmStatus.RuntimeStatus("qemu", "1234"),
            new VmStatus.NetworkStatus("user", List.of("10.0.2.15")),
            new OciSource("sha256:aa", Size.ofBytes(237539766), List.of("r@sha256:bb")),
            new OciSource(null, null, List.of()),
            "ignite",
            List.of(new Condition("Ready", "True", "Booted", "ok", T)));
    return Stream.of(
        new Vm(meta, full, status),
        new Vm(meta, full.withSsh(SshSpec.GENERATE).withStorage(StorageSpec.EMPTY), null),
        new Vm(ObjectMeta.named("min").withUid(new Uid("1")), VmSpec.UNSET.withImage("x"), null),
        new Vm(
            ObjectMeta.named("empty").withUid(new Uid("2")),
            VmSpec.UNSET.withImage("y").withPorts(List.of()).withCopyFiles(List.of()),
            null));
  }

  @ParameterizedTest
  @MethodSource("vms")
  void readsWhatTheCodecReads(Vm vm) {
    String json = ManifestEncoder.toJson(vm);
    Vm byCodec = (Vm) ManifestDecoder.decode("f.json", json).orThrow().get(0).object();

    assertThat(FastVmReader.read(json)).contains(byCodec);
  }

  @Test
  void stepsAsideForAnUnknownKeySoTheCodecCanReportIt() {
    String json = ManifestEncoder.toJson(vms().findFirst().orElseThrow());
    assertThat(FastVmReader.read(json.replace("\"cpus\"", "\"cpuz\""))).isEmpty();
  }

  @Test
  void stepsAsideForOtherVersionsAndBadValues() {
    String json = ManifestEncoder.toJson(vms().findFirst().orElseThrow());
    assertThat(FastVmReader.read(json.replace("v1alpha4", "v1alpha2"))).isEmpty();
    assertThat(FastVmReader.read(json.replace("\"800MB\"", "\"1.5GB\""))).isEmpty();
    assertThat(FastVmReader.read(json.replace("\"web\"", "\"My_VM\""))).isEmpty();
    assertThat(FastVmReader.read(json.replace("\"cpus\": 2", "\"cpus\": \"2\""))).isEmpty();
    assertThat(FastVmReader.read("{")).isEmpty();
    assertThat(FastVmReader.read(json.replace("\"nginx:1\"", "null"))).isEmpty();
  }
}
