package dev.ignite.core;

import dev.ignite.api.Image;
import dev.ignite.api.OciSource;
import dev.ignite.api.Vm;
import dev.ignite.api.VmStatus;
import dev.ignite.ports.DiskBuilder;
import dev.ignite.ports.GuestHostKey;
import dev.ignite.ports.ImportProgress;
import dev.ignite.ports.ObjectDirs;
import dev.ignite.ports.RootDisk;
import dev.ignite.ports.StateStore;
import dev.ignite.ports.StoredKernel;
import dev.ignite.ports.VmLaunch;
import dev.ignite.ports.VmProcess;
import dev.ignite.ports.Vmm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Boots a recorded VM: image imported and unpacked, kernel imported, root disk built once (it
 * persists across stop/start), QEMU launched, status recorded. A failure leaves nothing running, no
 * half-built disk, and a {@code Ready=False} condition saying why.
 */
final class VmStarter {
  private static final Logger LOG = LoggerFactory.getLogger(VmStarter.class);
  static final String DISK = "disk.ext4";

  /** The guest's address in QEMU user-mode networking. */
  static final String USER_NET_GUEST_IP = "10.0.2.15";

  private final StateStore store;
  private final ObjectDirs dirs;
  private final ImageService images;
  private final KernelResolver kernels;
  private final DiskBuilder disks;
  private final Vmm vmm;
  private final GuestKeys keys;
  private final Clock clock;

  VmStarter(
      StateStore store,
      ObjectDirs dirs,
      ImageService images,
      KernelResolver kernels,
      DiskBuilder disks,
      Vmm vmm,
      GuestKeys keys,
      Clock clock) {
    this.store = store;
    this.dirs = dirs;
    this.images = images;
    this.kernels = kernels;
    this.disks = disks;
    this.vmm = vmm;
    this.keys = keys;
    this.clock = clock;
  }

  Vm start(Vm vm, ImportProgress progress) {
    return start(vm, progress, new Phases());
  }

  Vm start(Vm vm, ImportProgress progress, Phases phases) {
    Path vmDir = dirs.dir(Vm.class, vm.uid());
    Optional<VmProcess> running = vmm.state(vm.uid(), vmDir);
    if (running.isPresent()) {
      throw new LifecycleException(
          "VM " + vm.name() + " is already running (QEMU pid " + running.get().pid() + ")");
    }
    VmStatuses.update(
        store, vm, s -> VmStatuses.ready(s, false, "Starting", "starting", clock.instant()));
    try {
      return launch(vm, vmDir, progress, phases);
    } catch (RuntimeException | IOException e) {
      String message = e.getMessage() == null ? e.toString() : e.getMessage();
      VmStatuses.update(
          store, vm, s -> VmStatuses.stopped(s, "StartFailed", message, clock.instant()));
      if (e instanceof LifecycleException l) {
        throw l;
      }
      throw new LifecycleException("cannot start VM " + vm.name() + ": " + message, e);
    }
  }

  void rewriteFiles(Vm vm) {
    Path vmDir = dirs.dir(Vm.class, vm.uid());
    Path disk = vmDir.resolve(DISK);
    if (!Files.exists(disk)) {
      return;
    }
    if (vmm.state(vm.uid(), vmDir).isPresent()) {
      throw new LifecycleException("VM " + vm.name() + " is running; its disk is in use");
    }
    try {
      Image image = images.ensure(vm.spec().image(), ImportProgress.NONE);
      disks.rewriteFiles(
          new RootDisk(
              images.rootfs(image),
              disk,
              vm.spec().diskSize(),
              vm.name(),
              Optional.empty(),
              vm.spec().copyFiles() == null ? List.of() : vm.spec().copyFiles(),
              Optional.empty(),
              List.of()));
    } catch (IOException e) {
      throw new LifecycleException(e.getMessage(), e);
    }
  }

  private Vm launch(Vm vm, Path vmDir, ImportProgress progress, Phases phases) throws IOException {
    Image image = phases.time("image", () -> images.ensure(vm.spec().image(), progress));
    KernelResolver.Resolved kernel = phases.time("kernel", () -> kernels.resolve(vm, progress));
    VolumeAttachments volumes = VolumeAttachments.of(vm);
    refuseVolumesInUse(vm, volumes);
    Files.createDirectories(vmDir);
    Path disk = vmDir.resolve(DISK);
    if (!Files.exists(disk)) {
      Optional<String> authorized = phases.time("key", () -> keys.authorizedKeys(vm, vmDir));
      Optional<GuestHostKey> hostKey = phases.time("host key", () -> keys.hostKey(vm, vmDir));
      long t0 = System.nanoTime();
      RootDisk.Built built =
          buildDisk(vm, disk, images.rootfs(image), authorized, hostKey, kernel.stored(), volumes);
      phases.record("disk", t0);
      keys.pin(vm, vmDir, hostKey, built);
    }
    long t0 = System.nanoTime();
    VmProcess process =
        vmm.start(
            new VmLaunch(
                vm.uid(),
                vmDir,
                kernel.stored().kernel(),
                kernel.stored().initrd(),
                vm.spec().kernel().cmdLine(),
                vm.spec().cpus(),
                vm.spec().memory(),
                disk,
                volumes.disks(),
                vm.spec().ports() == null ? List.of() : vm.spec().ports(),
                0));
    phases.record("qemu", t0);
    LOG.info(
        "VM {} ({}) runs as QEMU pid {} ({})",
        vm.name(),
        vm.uid(),
        process.pid(),
        process.accelerator());
    return VmStatuses.update(store, vm, s -> running(s, process, image, kernel));
  }

  /**
   * Two VMs writing one file system corrupt it. QEMU's image lock would refuse the second too, but
   * only after starting, and without saying which VM holds the volume.
   */
  private void refuseVolumesInUse(Vm vm, VolumeAttachments volumes) {
    if (volumes.disks().isEmpty()) {
      return;
    }
    for (Vm other : store.list(Vm.class)) {
      if (other.uid().equals(vm.uid())) {
        continue;
      }
      for (Path shared : VolumeAttachments.realPathsOf(other)) {
        if (volumes.disks().contains(shared)
            && vmm.state(other.uid(), dirs.dir(Vm.class, other.uid())).isPresent()) {
          throw new LifecycleException(
              "spec.storage.volumes: "
                  + shared
                  + " is attached to running VM "
                  + other.name()
                  + "; stop it first (two VMs writing one file system corrupt it)");
        }
      }
    }
  }

  private RootDisk.Built buildDisk(
      Vm vm,
      Path disk,
      Path rootfs,
      Optional<String> authorizedKeys,
      Optional<GuestHostKey> hostKey,
      StoredKernel kernel,
      VolumeAttachments volumes)
      throws IOException {
    LOG.info("building the root disk of VM {} ({})", vm.name(), vm.spec().diskSize());
    return disks.build(
        new RootDisk(
            rootfs,
            disk,
            vm.spec().diskSize(),
            vm.name(),
            authorizedKeys,
            vm.spec().copyFiles() == null ? List.of() : vm.spec().copyFiles(),
            kernel.modules(),
            volumes.mounts(),
            hostKey));
  }

  private VmStatus running(
      VmStatus s, VmProcess process, Image image, KernelResolver.Resolved kernel) {
    VmStatus up =
        s.withRunning(true)
            .withStartTime(process.startTime())
            .withRuntime(
                new VmStatus.RuntimeStatus(process.runtime(), Long.toString(process.pid())))
            .withNetwork(new VmStatus.NetworkStatus("user", List.of(USER_NET_GUEST_IP)))
            .withImage(
                new OciSource(
                    image.source().id(), image.source().size(), image.source().repoDigests()))
            .withKernel(kernel.kernel().source());
    String message =
        "QEMU pid "
            + process.pid()
            + " ("
            + process.accelerator()
            + "), SSH on 127.0.0.1:"
            + process.sshHostPort();
    return VmStatuses.ready(up, true, "Started", message, clock.instant());
  }
}
