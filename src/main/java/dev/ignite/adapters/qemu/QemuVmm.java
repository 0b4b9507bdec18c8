package dev.ignite.adapters.qemu;

import dev.ignite.api.PortMapping;
import dev.ignite.api.Uid;
import dev.ignite.ports.VmLaunch;
import dev.ignite.ports.VmProcess;
import dev.ignite.ports.Vmm;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** VMs as daemonized {@code qemu-system-x86_64} processes, driven over QMP. */
final class QemuVmm implements Vmm {
  private static final Logger LOG = LoggerFactory.getLogger(QemuVmm.class);
  private static final Duration LAUNCH_TIMEOUT = Duration.ofSeconds(60);

  private final QemuBinary binary;
  private final PortAllocator sshPorts;
  private final Map<String, String> env;

  QemuVmm(QemuBinary binary, PortAllocator sshPorts, Map<String, String> env) {
    this.binary = binary;
    this.sshPorts = sshPorts;
    this.env = Map.copyOf(env);
  }

  @Override
  public VmProcess start(VmLaunch vm) throws IOException {
    Path qemu = binary.locate();
    HostMemory.check(vm.memory(), HostMemory.MEMINFO);
    VmFiles files = new VmFiles(vm.vmDir());
    files.checkSocketPathFits();
    if (state(vm.uid(), vm.vmDir()).isPresent()) {
      throw new IOException("VM " + vm.uid() + " is already running");
    }
    HostPorts.checkFree(vm.ports());
    int sshPort = vm.sshHostPort() != 0 ? vm.sshHostPort() : sshPorts.allocate();
    HostPorts.checkFree(
        List.of(new PortMapping(sshPort, 22, "127.0.0.1", PortMapping.Protocol.TCP)));
    Files.createDirectories(vm.vmDir());
    files.removeRuntimeFiles();
    Accelerator accel = Accelerator.choose(env, Path.of("/dev/kvm"), Path.of("/proc/cpuinfo"));
    launch(QemuCommand.of(qemu, vm, accel, sshPort), vm.uid(), files);
    VmProcess process =
        QemuProcess.find(vm.uid(), files)
            .orElseThrow(
                () ->
                    new IOException(
                        "QEMU for VM "
                            + vm.uid()
                            + " exited right after start; see "
                            + files.consoleLog()));
    LOG.info(
        "started VM {} as QEMU pid {} ({}, ssh on 127.0.0.1:{})",
        vm.uid(),
        process.pid(),
        accel.wireName(),
        sshPort);
    return process;
  }

  /** Runs QEMU, which forks the VM into its own session and exits once the VM is set up. */
  private void launch(List<String> command, Uid uid, VmFiles files) throws IOException {
    LOG.debug("launching {}", command);
    Process parent =
        new ProcessBuilder(command)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectErrorStream(true)
            .start();
    String output = new String(parent.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!parent.waitFor(LAUNCH_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        parent.destroyForcibly();
        killQuietly(uid, files);
        throw new IOException("QEMU did not finish starting within " + LAUNCH_TIMEOUT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      killQuietly(uid, files);
      throw new IOException("interrupted while starting QEMU", e);
    }
    if (parent.exitValue() != 0) {
      killQuietly(uid, files);
      throw new IOException("QEMU failed to start VM " + uid + ": " + output.strip());
    }
  }

  @Override
  public void stop(Uid uid, Path vmDir, Duration timeout) throws IOException {
    VmFiles files = new VmFiles(vmDir);
    Optional<VmProcess> running = QemuProcess.find(uid, files);
    if (running.isPresent()) {
      ProcessHandle handle = ProcessHandle.of(running.get().pid()).orElseThrow();
      GuestPower.requestPowerOff(files.qmpSocket());
      if (!awaitExit(handle, timeout)) {
        LOG.warn("VM {} did not power off within {}; stopping it hard", uid, timeout);
        GuestPower.quit(files.qmpSocket());
        if (!awaitExit(handle, Duration.ofSeconds(5))) {
          handle.destroyForcibly();
          awaitExit(handle, Duration.ofSeconds(10));
        }
      }
    }
    files.removeRuntimeFiles();
  }

  @Override
  public void kill(Uid uid, Path vmDir) throws IOException {
    VmFiles files = new VmFiles(vmDir);
    Optional<VmProcess> running = QemuProcess.find(uid, files);
    if (running.isPresent()) {
      ProcessHandle handle = ProcessHandle.of(running.get().pid()).orElseThrow();
      handle.destroyForcibly();
      if (!awaitExit(handle, Duration.ofSeconds(10))) {
        throw new IOException("QEMU pid " + handle.pid() + " of VM " + uid + " survived SIGKILL");
      }
    }
    files.removeRuntimeFiles();
  }

  @Override
  public Optional<VmProcess> state(Uid uid, Path vmDir) {
    return QemuProcess.find(uid, new VmFiles(vmDir));
  }

  private void killQuietly(Uid uid, VmFiles files) {
    try {
      kill(uid, files.dir());
    } catch (IOException e) {
      LOG.warn("could not clean up after a failed start of VM {}: {}", uid, e.getMessage());
    }
  }

  private static boolean awaitExit(ProcessHandle handle, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (handle.isAlive()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return !handle.isAlive();
      }
    }
    return true;
  }
}
