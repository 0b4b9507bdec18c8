package dev.ignite.adapters.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignite.api.PortMapping;
import dev.ignite.api.PortMapping.Protocol;
import dev.ignite.api.Size;
import dev.ignite.api.Uid;
import dev.ignite.ports.VmLaunch;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QemuCommandTest {
  private static final Uid UID = new Uid("0123456789abcdef");

  private static VmLaunch launch(List<Path> volumes, List<PortMapping> ports) {
    return new VmLaunch(
        UID,
        Path.of("/var/lib/ignite/vms/0123456789abcdef"),
        Path.of("/var/lib/ignite/kernels/k/kernel"),
        Optional.of(Path.of("/var/lib/ignite/kernels/k/initrd")),
        "console=ttyS0 root=/dev/vda rw",
        2,
        Size.ofMiB(800),
        Path.of("/var/lib/ignite/vms/0123456789abcdef/disk.ext4"),
        volumes,
        ports,
        0);
  }

  private static String after(List<String> c, String flag) {
    return c.get(c.indexOf(flag) + 1);
  }

  @Test
  void describesTheVmAndDetachesIt() {
    List<String> c =
        QemuCommand.of(
            Path.of("/usr/bin/qemu-system-x86_64"),
            launch(List.of(), List.of()),
            Accelerator.TCG,
            40022);

    assertThat(c.get(0)).isEqualTo("/usr/bin/qemu-system-x86_64");
    assertThat(after(c, "-accel")).isEqualTo("tcg,tb-size=64");
    assertThat(c).doesNotContain("-cpu");
    assertThat(after(c, "-smp")).isEqualTo("2");
    assertThat(after(c, "-m")).isEqualTo("800M");
    assertThat(c).contains("-daemonize", "-no-reboot", "-nodefaults");
    // spawn=deny kills QEMU at -daemonize's fork; elevateprivileges=deny makes it exit 1 as root
    assertThat(after(c, "-sandbox")).isEqualTo("on,obsolete=deny,resourcecontrol=deny");
    assertThat(after(c, "-name"))
        .isEqualTo("guest=ignite-0123456789abcdef,process=ignite-0123456789abcdef");
    assertThat(after(c, "-pidfile")).isEqualTo("/var/lib/ignite/vms/0123456789abcdef/qemu.pid");
    assertThat(after(c, "-qmp"))
        .isEqualTo("unix:/var/lib/ignite/vms/0123456789abcdef/qmp.sock,server=on,wait=off");
    assertThat(after(c, "-chardev"))
        .endsWith("path=/var/lib/ignite/vms/0123456789abcdef/console.log");
    assertThat(after(c, "-initrd")).isEqualTo("/var/lib/ignite/kernels/k/initrd");
    assertThat(after(c, "-append")).isEqualTo("console=ttyS0 root=/dev/vda rw");
    assertThat(after(c, "-drive"))
        .isEqualTo("file=/var/lib/ignite/vms/0123456789abcdef/disk.ext4,format=raw,if=virtio");
  }

  @Test
  void givesEveryGuestTheHostsEntropy() {
    List<String> c =
        QemuCommand.of(Path.of("qemu"), launch(List.of(), List.of()), Accelerator.TCG, 1);

    assertThat(c).containsSequence("-device", "virtio-rng-pci");
  }

  @Test
  void usesTheHostCpuUnderKvm() {
    List<String> c =
        QemuCommand.of(Path.of("qemu"), launch(List.of(), List.of()), Accelerator.KVM, 1);

    assertThat(after(c, "-accel")).isEqualTo("kvm");
    assertThat(after(c, "-cpu")).isEqualTo("host");
  }

  @Test
  void forwardsSshOnLoopbackAndEveryMappedPort() {
    List<PortMapping> ports =
        List.of(
            new PortMapping(8080, 80, null, null),
            new PortMapping(5353, 53, "127.0.0.1", Protocol.UDP));
    List<String> c =
        QemuCommand.of(Path.of("qemu"), launch(List.of(), ports), Accelerator.TCG, 40022);

    assertThat(after(c, "-netdev"))
        .isEqualTo(
            "user,id=net0,hostfwd=tcp:127.0.0.1:40022-:22"
                + ",hostfwd=tcp:0.0.0.0:8080-:80,hostfwd=udp:127.0.0.1:5353-:53");
    assertThat(after(c, "-device")).isEqualTo("virtio-net-pci,netdev=net0");
  }

  @Test
  void attachesVolumesAfterTheRootDiskAndEscapesCommas() {
    List<String> c =
        QemuCommand.of(
            Path.of("qemu"),
            launch(List.of(Path.of("/dev/sdb"), Path.of("/data/a,b.img")), List.of()),
            Accelerator.TCG,
            1);

    List<String> drives =
        java.util.stream.IntStream.range(0, c.size())
            .filter(i -> c.get(i).equals("-drive"))
            .mapToObj(i -> c.get(i + 1))
            .toList();
    assertThat(drives)
        .containsExactly(
            "file=/var/lib/ignite/vms/0123456789abcdef/disk.ext4,format=raw,if=virtio",
            "file=/dev/sdb,format=raw,if=virtio",
            "file=/data/a,,b.img,format=raw,if=virtio");
  }
}
