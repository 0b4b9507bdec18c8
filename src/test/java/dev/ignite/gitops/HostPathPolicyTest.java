package dev.ignite.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignite.api.FileMapping;
import dev.ignite.api.KernelSpec;
import dev.ignite.api.ObjectMeta;
import dev.ignite.api.StorageSpec;
import dev.ignite.api.Vm;
import dev.ignite.api.VmSpec;
import dev.ignite.api.VmStatus;
import dev.ignite.core.reconcile.DesiredVm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostPathPolicyTest {
  @TempDir Path tmp;
  Path repo;
  Path allowed;
  Path secret;

  @BeforeEach
  void setUp() throws Exception {
    repo = Files.createDirectories(tmp.resolve("checkout"));
    allowed = Files.createDirectories(tmp.resolve("allowed"));
    secret = Files.writeString(tmp.resolve("shadow"), "root:x");
    Files.createDirectories(repo.resolve("files"));
    Files.writeString(repo.resolve("files/motd"), "hello");
    Files.writeString(allowed.resolve("disk.img"), "");
  }

  static DesiredVm vm(VmSpec spec) {
    return new DesiredVm(
        "vm.yaml",
        "ignite.weave.works/v1alpha4",
        new Vm(ObjectMeta.named("v"), spec, VmStatus.EMPTY));
  }

  static VmSpec copying(String hostPath) {
    return VmSpec.UNSET
        .withImage("sample:1")
        .withCopyFiles(List.of(new FileMapping(hostPath, "/x")));
  }

  HostPathPolicy.Checked check(VmSpec spec) {
    return new HostPathPolicy(List.of(allowed)).check(vm(spec), repo);
  }

  @Test
  void copiesAFileOfTheRepositoryByItsRealPath() throws Exception {
    HostPathPolicy.Checked c = check(copying("files/motd"));
    assertThat(c.refusals()).isEmpty();
    assertThat(c.vm().vm().spec().copyFiles())
        .containsExactly(new FileMapping(repo.resolve("files/motd").toRealPath().toString(), "/x"));
  }

  @Test
  void refusesDotDotOutOfTheRepository() {
    assertThat(check(copying("../shadow")).refusals())
        .singleElement()
        .satisfies(
            r -> assertThat(r).contains("spec.copyFiles[0].hostPath", "../shadow", "outside"));
  }

  @Test
  void refusesALinkInTheRepositoryThatPointsOutOfIt() throws Exception {
    Files.createSymbolicLink(repo.resolve("files/innocent"), secret);
    assertThat(check(copying("files/innocent")).refusals())
        .singleElement()
        .satisfies(r -> assertThat(r).contains("files/innocent", "outside"));
  }

  @Test
  void refusesAnAbsoluteHostPathOutsideTheAllowedFolders() {
    assertThat(check(copying(secret.toString())).refusals()).hasSize(1);
    assertThat(check(copying("/etc/shadow")).refusals())
        .singleElement()
        .satisfies(r -> assertThat(r).contains("/etc/shadow", "may not read the host's own files"));
  }

  @Test
  void allowsAnAbsolutePathUnderAnAllowedFolder() {
    assertThat(check(copying(allowed.resolve("disk.img").toString())).refusals()).isEmpty();
  }

  @Test
  void refusesAMissingFileNamingTheRepository() {
    assertThat(check(copying("files/none")).refusals())
        .singleElement()
        .satisfies(r -> assertThat(r).contains("does not exist in the repository"));
  }

  @Test
  void takesVolumesOnlyFromAllowedFoldersNotFromTheRepository() throws Exception {
    Files.writeString(repo.resolve("files/vol.img"), "");
    VmSpec inRepo =
        VmSpec.UNSET
            .withImage("sample:1")
            .withStorage(
                new StorageSpec(
                    List.of(new StorageSpec.Volume("data", "files/vol.img")), List.of()));
    assertThat(check(inRepo).refusals())
        .singleElement()
        .satisfies(r -> assertThat(r).contains("spec.storage.volumes[0].blockDevicePath"));
    VmSpec underAllowed =
        inRepo.withStorage(
            new StorageSpec(
                List.of(new StorageSpec.Volume("data", allowed.resolve("disk.img").toString())),
                List.of()));
    assertThat(check(underAllowed).refusals()).isEmpty();
  }

  @Test
  void takesLocalImagesAndKernelsOnlyFromAllowedFolders() {
    assertThat(check(VmSpec.UNSET.withImage("oci:/etc:1")).refusals())
        .singleElement()
        .satisfies(r -> assertThat(r).contains("spec.image.oci", "/etc"));
    assertThat(check(VmSpec.UNSET.withImage("oci:" + allowed + ":1")).refusals()).isEmpty();
    assertThat(check(VmSpec.UNSET.withImage("tar:/root/x.tar")).refusals()).hasSize(1);
    VmSpec kernel =
        VmSpec.UNSET.withImage("sample:1").withKernel(new KernelSpec("/boot", "console=ttyS0"));
    assertThat(check(kernel).refusals())
        .singleElement()
        .satisfies(r -> assertThat(r).contains("spec.kernel.oci"));
  }

  @Test
  void registryImagesNeedNoPermission() {
    assertThat(check(VmSpec.UNSET.withImage("docker.io/library/busybox:latest")).refusals())
        .isEmpty();
  }
}
