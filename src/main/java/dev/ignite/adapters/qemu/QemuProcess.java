package dev.ignite.adapters.qemu;

import dev.ignite.api.Uid;
import dev.ignite.ports.VmProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a VM's QEMU process from its pid file. A pid alone is not proof (pids are reused after a
 * crash or reboot), so the process's command line must also carry this VM's {@code -name}.
 */
final class QemuProcess {
  private static final Pattern SSH_FORWARD =
      Pattern.compile("hostfwd=tcp:127\\.0\\.0\\.1:(\\d+)-:" + QemuCommand.GUEST_SSH_PORT + "\\b");

  private QemuProcess() {}

  static Optional<VmProcess> find(Uid uid, VmFiles files) {
    OptionalLong pid = files.pid();
    if (pid.isEmpty()) {
      return Optional.empty();
    }
    Optional<ProcessHandle> handle =
        ProcessHandle.of(pid.getAsLong()).filter(ProcessHandle::isAlive);
    if (handle.isEmpty()) {
      return Optional.empty();
    }
    List<String> argv = commandLine(pid.getAsLong());
    if (!isOurs(argv, uid)) {
      return Optional.empty();
    }
    Instant started = handle.get().info().startInstant().orElse(Instant.EPOCH);
    return Optional.of(
        new VmProcess("qemu", pid.getAsLong(), started, accelerator(argv), sshPort(argv)));
  }

  static boolean isOurs(List<String> argv, Uid uid) {
    if (argv.isEmpty() || !argv.get(0).endsWith("qemu-system-x86_64")) {
      return false;
    }
    int name = argv.indexOf("-name");
    return name >= 0
        && name + 1 < argv.size()
        && argv.get(name + 1).equals(QemuCommand.guestName(uid));
  }

  /** The accelerator's name only: {@code -accel tcg,tb-size=64} is {@code tcg}. */
  private static String accelerator(List<String> argv) {
    int i = argv.indexOf("-accel");
    return i >= 0 && i + 1 < argv.size() ? argv.get(i + 1).split(",", 2)[0] : "unknown";
  }

  private static int sshPort(List<String> argv) {
    for (String arg : argv) {
      Matcher m = SSH_FORWARD.matcher(arg);
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
    }
    return 0;
  }

  private static List<String> commandLine(long pid) {
    try {
      byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
      String text = new String(raw, StandardCharsets.UTF_8);
      if (text.endsWith("\0")) {
        text = text.substring(0, text.length() - 1);
      }
      return text.isEmpty() ? List.of() : Arrays.asList(text.split("\0", -1));
    } catch (IOException e) {
      return List.of();
    }
  }
}
