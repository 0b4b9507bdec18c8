package dev.ignite.core;

import dev.ignite.api.FileMapping;
import dev.ignite.api.Names;
import dev.ignite.api.PortMapping;
import dev.ignite.api.Vm;
import dev.ignite.api.VmSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks a completed VM before it is stored; every problem names the field it is about. */
final class VmValidator {
  /**
   * The bind address ends up inside QEMU's comma-separated {@code hostfwd=} option, and {@code
   * --ports} takes any text before the ports: only IP literal characters may pass.
   */
  private static final Pattern IP_LITERAL =
      Pattern.compile("(\\d{1,3}(\\.\\d{1,3}){3})|([0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*)");

  private VmValidator() {}

  static void check(Vm vm) {
    List<String> problems = new ArrayList<>();
    Names.problem(vm.name()).ifPresent(p -> problems.add("metadata.name: " + p));
    VmSpec s = vm.spec();
    if (s.image() == null || s.image().isBlank()) {
      problems.add("spec.image.oci: required: name an image (ignite create IMAGE, or image.oci)");
    }
    if (s.cpus() == null || s.cpus() < 1 || s.cpus() > 255) {
      problems.add("spec.cpus: must be between 1 and 255, got " + s.cpus());
    }
    if (s.memory() == null || s.memory().mebibytes() < 1) {
      problems.add("spec.memory: must be at least 1MB, got " + s.memory());
    }
    if (s.diskSize() == null || s.diskSize().mebibytes() < 1) {
      problems.add("spec.diskSize: must be at least 1MB, got " + s.diskSize());
    }
    checkPorts(s.ports() == null ? List.of() : s.ports(), problems);
    List<FileMapping> files = s.copyFiles() == null ? List.of() : s.copyFiles();
    for (int i = 0; i < files.size(); i++) {
      if (!files.get(i).hostPath().startsWith("/")) {
        problems.add(
            "spec.copyFiles["
                + i
                + "].hostPath: want an absolute path, got \""
                + files.get(i).hostPath()
                + "\" (a path relative to its repository is for VM files in Git)");
      }
    }
    if (s.kernel() != null && s.kernel().cmdLine() != null) {
      cmdLineProblem(s.kernel().cmdLine())
          .ifPresent(p -> problems.add("spec.kernel.cmdLine: " + p));
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "invalid VM " + vm.name() + ": " + String.join("; ", problems));
    }
  }

  private static void checkPorts(List<PortMapping> ports, List<String> problems) {
    Set<String> taken = new HashSet<>();
    for (PortMapping p : ports) {
      if (!validPort(p.hostPort()) || !validPort(p.vmPort())) {
        problems.add("spec.network.ports: " + p + ": ports must be between 1 and 65535");
      }
      if (!IP_LITERAL.matcher(p.bindAddress()).matches()) {
        problems.add(
            "spec.network.ports: bindAddress \""
                + p.bindAddress()
                + "\": want an IP address like 127.0.0.1");
      }
      // One host port can be bound once per protocol: QEMU would otherwise fail at start.
      if (!taken.add(p.protocol().wireName() + "/" + p.hostPort())) {
        problems.add(
            "spec.network.ports: host port "
                + p.hostPort()
                + "/"
                + p.protocol().wireName()
                + " is forwarded twice");
      }
    }
  }

  /**
   * x86 Linux keeps 2048 bytes of command line (COMMAND_LINE_SIZE, with its NUL) and drops the rest
   * without a word; a NUL cannot be passed to QEMU at all, and other control characters only make a
   * line that means something else than it shows.
   */
  static Optional<String> cmdLineProblem(String cmdLine) {
    int bytes = cmdLine.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_CMDLINE_BYTES) {
      return Optional.of(
          bytes + " bytes is longer than the " + MAX_CMDLINE_BYTES + " the kernel keeps");
    }
    for (int i = 0; i < cmdLine.length(); i++) {
      char c = cmdLine.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        return Optional.of(
            String.format("control character U+%04X at position %d; use spaces only", (int) c, i));
      }
    }
    return Optional.empty();
  }

  private static final int MAX_CMDLINE_BYTES = 2047;

  private static boolean validPort(int port) {
    return port >= 1 && port <= 65535;
  }
}
