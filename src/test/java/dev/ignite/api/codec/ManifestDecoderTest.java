package dev.ignite.api.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignite.api.Size;
import dev.ignite.api.SshSpec;
import dev.ignite.api.Uid;
import dev.ignite.api.Vm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
