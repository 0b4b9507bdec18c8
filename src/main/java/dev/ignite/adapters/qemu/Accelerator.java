package dev.ignite.adapters.qemu;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * KVM or TCG. KVM is chosen only when {@code /dev/kvm} opens read-write AND the CPU has hardware
 * virtualisation (vmx/svm): some hosts expose a paravirtual /dev/kvm (kvm-pvm) on which QEMU guests
 * hang at boot, so a device that opens is not enough. {@code IGNITE_ACCEL=kvm|tcg} forces.
 */
enum Accelerator {
  KVM,
  TCG;

  private static final Logger LOG = LoggerFactory.getLogger(Accelerator.class);
  private static final Pattern HW_VIRT =
      Pattern.compile("^flags\\s*:.*\\b(vmx|svm)\\b", Pattern.MULTILINE);

  String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Accelerator choose(Map<String, String> env, Path kvmDevice, Path cpuinfo) {
    String forced = env.getOrDefault("IGNITE_ACCEL", "").trim().toLowerCase(Locale.ROOT);
    if (forced.equals("tcg") || forced.equals("kvm")) {
      LOG.info("accelerator {} (forced by IGNITE_ACCEL)", forced);
      return valueOf(forced.toUpperCase(Locale.ROOT));
    }
    boolean opens = opensReadWrite(kvmDevice);
    boolean hardware = hasHardwareVirtualisation(cpuinfo);
    Accelerator chosen = opens && hardware ? KVM : TCG;
    LOG.info(
        "accelerator {} ({} opens read-write: {}, CPU has vmx/svm: {})",
        chosen.wireName(),
        kvmDevice,
        opens,
        hardware);
    return chosen;
  }

  private static boolean opensReadWrite(Path device) {
    // Never created: opening a missing device must fail, not make an empty file.
    try (FileChannel c =
        FileChannel.open(device, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      return true;
    } catch (IOException | SecurityException e) {
      return false;
    }
  }

  private static boolean hasHardwareVirtualisation(Path cpuinfo) {
    try {
      return HW_VIRT.matcher(Files.readString(cpuinfo)).find();
    } catch (IOException e) {
      return false;
    }
  }
}
