package dev.ignite.adapters.qemu;

import dev.ignite.api.PortMapping;
import dev.ignite.ports.VmLaunch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The {@code qemu-system-x86_64} command line for one VM. */
final class QemuCommand {
  static final int GUEST_SSH_PORT = 22;

  private QemuCommand() {}

  /** The {@code -name} value; it also marks the process as this VM's in /proc/PID/cmdline. */
  static String guestName(dev.ignite.api.Uid uid) {
    return "guest=ignite-" + uid.value() + ",process=ignite-" + uid.value();
  }

  static List<String> of(Path binary, VmLaunch vm, Accelerator accel, int sshHostPort) {
    VmFiles files = new VmFiles(vm.vmDir());
    List<String> c = new ArrayList<>();
    c.add(binary.toString());
    add(c, "-name", guestName(vm.uid()));
    add(c, "-machine", "pc");
    add(c, "-accel", accelOption(accel));
    if (accel == Accelerator.KVM) {
      add(c, "-cpu", "host");
    }
    add(c, "-smp", Integer.toString(vm.cpus()));
    add(c, "-m", vm.memory().mebibytes() + "M");
    // No default devices, monitor or display: the VM is reached by serial log, QMP and network.
    c.addAll(List.of("-nodefaults", "-no-user-config", "-display", "none"));
    // A guest reboot or panic ends the process, so "running" always means "booted once".
    c.add("-no-reboot");
    c.add("-daemonize");
    add(c, "-sandbox", SANDBOX);
    add(c, "-pidfile", files.pidFile().toString());
    add(c, "-qmp", "unix:" + option(files.qmpSocket().toString()) + ",server=on,wait=off");
    add(c, "-chardev", "file,id=console,append=on,path=" + option(files.consoleLog().toString()));
    add(c, "-serial", "chardev:console");
    add(c, "-kernel", vm.kernel().toString());
    vm.initrd().ifPresent(i -> add(c, "-initrd", i.toString()));
    add(c, "-append", vm.cmdLine());
    add(c, "-drive", drive(vm.rootDisk()));
    for (Path volume : vm.volumes()) {
      add(c, "-drive", drive(volume));
    }
    add(c, "-netdev", netdev(vm.ports(), sshHostPort));
    add(c, "-device", "virtio-net-pci,netdev=net0");
    // Entropy from the host (QEMU's getrandom): without it a minimal guest's sshd waits about a
    // second at boot for the kernel's random pool.
    add(c, "-device", "virtio-rng-pci");
    return c;
  }

  /**
   * TCG's translated-code cache defaults to 1 GiB and a busy guest fills much of it: capped at 64
   * MiB, an idle sample VM's RSS fell by about 90 MiB (bench/vm-memory) and it still boots.
   */
  static String accelOption(Accelerator accel) {
    return accel == Accelerator.TCG ? "tcg,tb-size=" + TCG_CODE_CACHE_MIB : accel.wireName();
  }

  static final int TCG_CODE_CACHE_MIB = 64;

  /**
   * QEMU's seccomp filter, for a guest that breaks out of device emulation: obsolete system calls
   * and scheduler/CPU-affinity changes are refused. {@code spawn=deny} is left out because {@code
   * -daemonize} forks after the filter is installed (QEMU dies of SIGSYS), and {@code
   * elevateprivileges=deny} because QEMU 7.2 started as root then exits 1 at start-up.
   */
  static final String SANDBOX = "on,obsolete=deny,resourcecontrol=deny";

  private static String drive(Path file) {
    return "file=" + option(file.toString()) + ",format=raw,if=virtio";
  }

  static String netdev(List<PortMapping> ports, int sshHostPort) {
    StringBuilder s = new StringBuilder("user,id=net0");
    s.append(",hostfwd=tcp:127.0.0.1:").append(sshHostPort).append("-:").append(GUEST_SSH_PORT);
    for (PortMapping p : ports) {
      s.append(",hostfwd=")
          .append(p.protocol().wireName())
          .append(':')
          .append(option(p.bindAddress()))
          .append(':')
          .append(p.hostPort())
          .append("-:")
          .append(p.vmPort());
    }
    return s.toString();
  }

  /** QEMU option values use ',' as separator; a literal comma is written twice. */
  static String option(String value) {
    return value.replace(",", ",,");
  }

  private static void add(List<String> c, String flag, String value) {
    c.add(flag);
    c.add(value);
  }
}
