package dev.ignite.cli;

import dev.ignite.adapters.disk.Disks;
import dev.ignite.adapters.kernel.Kernels;
import dev.ignite.adapters.oci.OciImages;
import dev.ignite.adapters.qemu.Qemu;
import dev.ignite.adapters.ssh.Ssh;
import dev.ignite.adapters.store.FileLocalChanges;
import dev.ignite.adapters.store.FileStateStore;
import dev.ignite.adapters.store.StateDirs;
import dev.ignite.api.Configuration;
import dev.ignite.api.Defaults;
import dev.ignite.core.GuestAccess;
import dev.ignite.core.ImageService;
import dev.ignite.core.KernelResolver;
import dev.ignite.core.KernelService;
import dev.ignite.core.LifecycleParts;
import dev.ignite.core.LiveVmProbe;
import dev.ignite.core.VmLifecycle;
import dev.ignite.core.VmService;
import dev.ignite.ports.GuestShell;
import dev.ignite.ports.ImportOptions;
import dev.ignite.ports.KernelStore;
import dev.ignite.ports.VmProbe;
import dev.ignite.ports.Vmm;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one place where the CLI picks its adapters. Everything is built on first use, so `ignite
 * version` never opens the store or reads the host Configuration.
 */
final class Wiring {
  private final GlobalOptions globals;
  private final Map<String, String> env;
  private FileStateStore store;
  private Configuration config;
  private Vmm vmm;

  Wiring(GlobalOptions globals, Map<String, String> env) {
    this.globals = globals;
    this.env = env;
  }

  Path stateDir() {
    return StateDirs.resolve(globals.stateDir, env);
  }

  FileStateStore store() {
    if (store == null) {
      store = FileStateStore.open(stateDir());
    }
    return store;
  }

  Configuration config() {
    if (config == null) {
      config = HostConfig.read(globals.igniteConfig);
    }
    return config;
  }

  VmService vms() {
    return new VmService(store(), config(), Defaults.builtIn(defaultKernel()), Clock.systemUTC());
  }

  /**
   * The kernel a VM boots when neither flags, file nor vmDefaults name one: Ignite's own kernel
   * image once {@code scripts/build-kernel} has built it on this host, else the host's kernel.
   */
  String defaultKernel() {
    return Kernels.builtImage(env).orElse(KernelStore.HOST);
  }

  Vmm vmm() {
    if (vmm == null) {
      vmm = Qemu.vmm(stateDir());
    }
    return vmm;
  }

  GuestAccess guestAccess() {
    FileStateStore files = store();
    return new GuestAccess(files, vmm(), files::objectDir);
  }

  /**
   * Built on call only: MINA SSHD and its ed25519 provider load only when a command reaches a
   * guest.
   */
  GuestShell guestShell() {
    return Ssh.guestShell();
  }

  VmProbe probe() {
    return new LiveVmProbe(vmm(), store()::objectDir);
  }

  /** Images, reaching the registries named in the Configuration and {@code extraInsecure}. */
  ImageService images(List<String> extraInsecure) {
    Set<String> insecure = new HashSet<>(config().insecureRegistries());
    insecure.addAll(extraInsecure);
    return new ImageService(
        store(),
        store()::objectDir,
        OciImages.create(stateDir().resolve("oci")),
        new ImportOptions(insecure, Optional.empty()),
        Clock.systemUTC());
  }

  KernelService kernels() {
    return new KernelService(store(), Kernels.store(stateDir()), Clock.systemUTC());
  }

  /** Kernels by any reference: "host", a kernel path, or a kernel image (imported as needed). */
  KernelResolver kernelResolver() {
    return new KernelResolver(kernels(), images(List.of()));
  }

  VmLifecycle lifecycle() {
    return lifecycle(List.of());
  }

  /** The lifecycle, reaching also the registries in {@code insecure} over plain HTTP. */
  VmLifecycle lifecycle(List<String> insecure) {
    return new VmLifecycle(
        new LifecycleParts(
            store(),
            store()::objectDir,
            vms(),
            images(insecure),
            kernels(),
            Disks.ext4(),
            vmm(),
            Ssh.keys(),
            Ssh.guestShell(),
            new FileLocalChanges(stateDir()),
            HostName.get(),
            Clock.systemUTC()));
  }
}
