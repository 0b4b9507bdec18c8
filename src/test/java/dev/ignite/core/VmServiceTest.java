package dev.ignite.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ignite.adapters.store.FileStateStore;
import dev.ignite.api.Configuration;
import dev.ignite.api.Defaults;
import dev.ignite.api.KernelSpec;
import dev.ignite.api.ObjectMeta;
import dev.ignite.api.Size;
import dev.ignite.api.Uid;
import dev.ignite.api.Vm;
import dev.ignite.api.VmSpec;
import dev.ignite.ports.StateStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VmServiceTest {
  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00.123Z");

  @TempDir Path dir;
  StateStore store;
  VmService service;

  @BeforeEach
  void open() {
    store = FileStateStore.open(dir);
    service = new VmService(store, Configuration.EMPTY, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static Vm request(String name, String image) {
    return new Vm(ObjectMeta.named(name), VmSpec.UNSET.withImage(image), null);
  }

  @Test
  void createsVmWithGeneratedUidCreatedTimeAndDefaults() {
    Vm vm = service.create(request("my-vm", "busybox"));

    assertThat(Uid.isValid(vm.uid().value())).isTrue();
    assertThat(vm.uid().value()).matches("[0-9a-f]{16}");
    assertThat(vm.metadata().created()).isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
    assertThat(vm.spec().memory()).isEqualTo(Size.ofMiB(512));
    assertThat(vm.status().idPrefix()).isEqualTo("ignite");
    assertThat(store.get(Vm.class, vm.uid())).contains(vm);
  }

  @Test
  void keepsAValidUidGivenInTheRequest() {
    Vm req = request("my-vm", "busybox");
    Vm vm = service.create(req.withMetadata(req.metadata().withUid(new Uid("599615df99804ae8"))));
    assertThat(vm.uid().value()).isEqualTo("599615df99804ae8");
  }

  @Test
  void refusesADuplicateName() {
    service.create(request("my-vm", "busybox"));
    assertThatThrownBy(() -> service.create(request("my-vm", "alpine")))
        .hasMessageContaining("a VM named my-vm already exists");
    assertThat(service.list()).hasSize(1);
  }

  @Test
  void refusesAnInvalidVmWithoutTouchingTheStore() {
    assertThatThrownBy(() -> service.create(request("My_VM", null)))
        .hasMessageContaining("metadata.name")
        .hasMessageContaining("spec.image.oci: required");
    assertThat(service.list()).isEmpty();
  }

  @Test
  void generatesAReadableNameWhenNoneIsGiven() {
    Vm vm = service.create(request(null, "busybox"));
    assertThat(vm.name()).matches("[a-z]+-[a-z]+(-[0-9]+)?");
  }

  @Test
  void removesAStoppedVmByUidPrefix() {
    Vm vm = service.create(request("my-vm", "busybox"));
    service.remove(vm.uid().value().substring(0, 5), false);
    assertThat(service.list()).isEmpty();
  }

  @Test
  void refusesToRemoveARunningVmUnlessForced() {
    Vm vm = service.create(request("my-vm", "busybox"));
    store.put(vm.withStatus(vm.status().withRunning(true)));

    assertThatThrownBy(() -> service.remove("my-vm", false))
        .hasMessageContaining("is running")
        .hasMessageContaining("-f");
    assertThat(service.list()).hasSize(1);

    service.remove("my-vm", true);
    assertThat(service.list()).isEmpty();
  }

  @Test
  void appliesTheHostsVmDefaultsUnderTheRequest() {
    Configuration config =
        new Configuration(
            ObjectMeta.named("c"),
            null,
            null,
            VmSpec.UNSET.withCpus(4).withImage("base"),
            null,
            null);
    VmService withConfig = new VmService(store, config, Clock.systemUTC());
    Vm vm = withConfig.create(new Vm(ObjectMeta.named("a"), VmSpec.UNSET, null));
    assertThat(vm.spec().cpus()).isEqualTo(4);
    assertThat(vm.spec().image()).isEqualTo("base");
  }

  @Test
  void aVmThatNamesNoKernelBootsTheBuiltInOneAndAnyNamedKernelWins() {
    String built = "oci:/var/lib/ignite-build/kernel/45adccbb1807/oci:6.1.192-ignite";
    VmService withBuiltKernel =
        new VmService(store, Configuration.EMPTY, Defaults.builtIn(built), Clock.systemUTC());

    Vm unnamed = withBuiltKernel.create(request("a", "busybox"));
    Vm host =
        withBuiltKernel.create(
            new Vm(
                ObjectMeta.named("b"),
                VmSpec.UNSET.withImage("busybox").withKernel(new KernelSpec("host", null)),
                null));

    assertThat(unnamed.spec().kernel()).isEqualTo(new KernelSpec(built, Defaults.CMDLINE));
    assertThat(host.spec().kernel()).isEqualTo(new KernelSpec("host", Defaults.CMDLINE));
    assertThat(service.create(request("c", "busybox")).spec().kernel().oci()).isEqualTo("host");
  }

  @Test
  void aSpecCompletedForComparisonGetsTheKernelACreateGives() {
    String built = "oci:/var/lib/ignite-build/kernel/45adccbb1807/oci:6.1.192-ignite";
    VmService withBuiltKernel =
        new VmService(store, Configuration.EMPTY, Defaults.builtIn(built), Clock.systemUTC());
    VmSpec fromFile = VmSpec.UNSET.withImage("busybox");

    Vm created = withBuiltKernel.create(new Vm(ObjectMeta.named("a"), fromFile, null));

    Vm replaced = withBuiltKernel.replace(created.withSpec(fromFile.withMemory(Size.ofMiB(384))));

    // the daemon compares these: a difference would restart the VM on every sync
    assertThat(withBuiltKernel.completeSpec(fromFile)).isEqualTo(created.spec());
    assertThat(replaced.spec().kernel()).isEqualTo(created.spec().kernel());
  }
}
