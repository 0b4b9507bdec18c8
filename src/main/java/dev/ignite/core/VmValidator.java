package dev.ignite.core;

import dev.ignite.api.Names;
import dev.ignite.api.PortMapping;
import dev.ignite.api.Vm;
import dev.ignite.api.VmSpec;
import java.util.ArrayList;
import java.util.List;

/** Checks a completed VM before it is stored; every problem names the field it is about. */
final class VmValidator {
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
    for (PortMapping p : s.ports() == null ? List.<PortMapping>of() : s.ports()) {
      if (!validPort(p.hostPort()) || !validPort(p.vmPort())) {
        problems.add("spec.network.ports: " + p + ": ports must be between 1 and 65535");
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "invalid VM " + vm.name() + ": " + String.join("; ", problems));
    }
  }

  private static boolean validPort(int port) {
    return port >= 1 && port <= 65535;
  }
}
