package dev.ignite.adapters.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.ignite.adapters.disk.Disks;
import dev.ignite.adapters.kernel.Kernels;
import dev.ignite.api.PortMapping;
import dev.ignite.api.Size;
import dev.ignite.api.Uid;
import dev.ignite.ports.RootDisk;
import dev.ignite.ports.StoredKernel;
import dev.ignite.ports.VmLaunch;
import dev.ignite.ports.VmProcess;
import dev.ignite.ports.Vmm;
import dev.ignite.testing.LoopbackPorts;
import dev.ignite.testing.SampleImage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Boots the sample image on the host's kernel under real QEMU. Boots are the slow part, so one VM
 * is shared by the tests, which run in order: boot, use, stop and start, kill.
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QemuVmmIT {
  private static final Duration BOOT = Duration.ofMinutes(3);

  private Path state;
  private final Uid uid = Uid.generate();
  private Path vmDir;
  private Vmm vmm;
  private StoredKernel kernel;
  private GuestShell guest;
  private PortMapping web;
  private VmLaunch launch;
  private Path volume;

  @BeforeAll
  void bootOneVm() throws Exception {
    state = Files.createTempDirectory("ignite-it-");
    vmDir = state.resolve("vms").resolve(uid.value());
    Path key = state.resolve("id_ed25519");
    SampleImage.run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString()));
    kernel = Kernels.store(state).importKernel("host");
    Path disk = vmDir.resolve("disk.ext4");
    volume = state.resolve("volume.img");
    SampleImage.run(List.of("mkfs.ext4", "-q", "-F", "-L", "data", volume.toString(), "16M"));
    Disks.ext4()
        .build(
            new RootDisk(
                SampleImage.rootfs(),
                disk,
                Size.ofMiB(256),
                "it-vm",
                Optional.of(Files.readString(state.resolve("id_ed25519.pub"))),
                List.of(),
                Optional.empty(),
                List.of(new RootDisk.GuestMount("/dev/vdb", "/data"))));
    vmm = Qemu.vmm(state);
    // The port is free when picked, but any process on the machine may take it as its ephemeral
    // port before QEMU binds it (seen once in CI). start() rightly refuses then; pick another.
    for (int attempt = 1; ; attempt++) {
      web = new PortMapping(LoopbackPorts.free(), 8080, "127.0.0.1", PortMapping.Protocol.TCP);
      launch = launchWith(web, disk);
      try {
        guest = new GuestShell(key, vmm.start(launch).sshHostPort());
        return;
      } catch (IOException e) {
        if (attempt == 3 || !String.valueOf(e.getMessage()).contains("is already in use")) {
          throw e;
        }
      }
    }
  }

  private VmLaunch launchWith(PortMapping port, Path disk) {
    return new VmLaunch(
        uid,
        vmDir,
        kernel.kernel(),
        kernel.initrd(),
        "console=ttyS0 root=/dev/vda rw panic=-1 net.ifnames=0",
        1,
        Size.ofMiB(256),
        disk,
        List.of(volume),
        List.of(port),
        0);
  }

  @AfterAll
  void killAndClean() throws Exception {
    if (vmm != null) {
      vmm.kill(uid, vmDir);
    }
    SampleImage.run(List.of("rm", "-rf", state.toString()));
  }

  @Test
  @Order(1)
  void bootsToSshOnTheImportedHostKernel() throws Exception {
    await().atMost(BOOT).pollInterval(Duration.ofSeconds(1)).until(() -> readyLines() >= 1);

    assertThat(guest.awaitOutput("uname -r", BOOT).strip()).isEqualTo(kernel.version());
    VmProcess process = vmm.state(uid, vmDir).orElseThrow();
    assertThat(process.runtime()).isEqualTo("qemu");
    assertThat(process.accelerator()).isIn("tcg", "kvm");
    assertThat(process.sshHostPort()).isEqualTo(guest.port());
  }

  @Test
  @Order(1)
  void qemuRunsUnderItsSeccompSandbox() throws Exception {
    long pid = vmm.state(uid, vmDir).orElseThrow().pid();

    String status = Files.readString(Path.of("/proc/" + pid + "/status"));
    String cmdline = Files.readString(Path.of("/proc/" + pid + "/cmdline")).replace('\0', ' ');

    assertThat(status).as("seccomp filter mode").containsPattern("(?m)^Seccomp:\\s+2$");
    assertThat(cmdline).contains("-sandbox on,obsolete=deny,resourcecontrol=deny");
  }

  @Test
  @Order(2)
  void forwardsAMappedHostPortToTheGuest() throws Exception {
    guest.run("mkdir -p /srv && echo hello-from-guest > /srv/index.html && httpd -p 8080 -h /srv");

    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + web.hostPort() + "/index.html"))
                    .timeout(Duration.ofSeconds(30))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.body()).isEqualTo("hello-from-guest\n");
  }

  @Test
  @Order(3)
  void mountsAVolumeThroughTheGuestsFstab() throws Exception {
    guest.run("echo on-the-volume > /data/note && sync");

    assertThat(guest.run("grep ' /data ' /proc/mounts")).startsWith("/dev/vdb /data ext4");
    String readOnHost = SampleImage.run(List.of("debugfs", "-R", "cat /note", volume.toString()));
    assertThat(readOnHost).contains("on-the-volume");
  }

  @Test
  @Order(4)
  void aFileWrittenInTheGuestSurvivesStopAndStart() throws Exception {
    guest.run("echo persisted > /root/marker"); // no sync: a clean power-off must flush it
    long started = System.nanoTime();

    vmm.stop(uid, vmDir, Duration.ofSeconds(60));

    Duration took = Duration.ofNanos(System.nanoTime() - started);
    assertThat(took)
        .as("guest powered off on request, before the hard-stop timeout")
        .isLessThan(Duration.ofSeconds(45));
    assertThat(vmm.state(uid, vmDir)).isEmpty();
    assertThat(Files.readString(vmDir.resolve("console.log"))).contains("reboot: Power down");

    guest = new GuestShell(guest.key(), vmm.start(launch).sshHostPort());
    await().atMost(BOOT).pollInterval(Duration.ofSeconds(1)).until(() -> readyLines() >= 2);
    assertThat(guest.awaitOutput("cat /root/marker", BOOT)).isEqualTo("persisted\n");
  }

  @Test
  @Order(5)
  void refusesAHostPortThatIsTakenBeforeLaunchingAnything() throws Exception {
    Uid other = Uid.generate();
    Path otherDir = state.resolve("vms").resolve(other.value());
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      PortMapping clash =
          new PortMapping(taken.getLocalPort(), 80, "127.0.0.1", PortMapping.Protocol.TCP);
      VmLaunch second =
          new VmLaunch(
              other,
              otherDir,
              launch.kernel(),
              launch.initrd(),
              launch.cmdLine(),
              1,
              Size.ofMiB(128),
              launch.rootDisk(),
              List.of(),
              List.of(clash),
              0);

      assertThatThrownBy(() -> vmm.start(second))
          .isInstanceOf(IOException.class)
          .hasMessageContaining(
              "host port " + taken.getLocalPort() + "/tcp on 127.0.0.1 is already in use");
    }
    assertThat(vmm.state(other, otherDir)).isEmpty();
    assertThat(otherDir.resolve("qemu.pid")).doesNotExist();
  }

  @Test
  @Order(6)
  void killEndsTheProcessAndFreesEveryForwardedPort() throws Exception {
    long pid = vmm.state(uid, vmDir).orElseThrow().pid();

    vmm.kill(uid, vmDir);

    assertThat(vmm.state(uid, vmDir)).isEmpty();
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    assertThat(HostPorts.isFree(web)).isTrue();
    assertThat(HostPorts.isFree(new PortMapping(guest.port(), 22, "127.0.0.1", null))).isTrue();
    assertThat(vmDir.resolve("qemu.pid")).doesNotExist();
  }

  private long readyLines() throws IOException {
    Path log = vmDir.resolve("console.log");
    return Files.exists(log)
        ? Files.readAllLines(log).stream().filter(l -> l.startsWith("IGNITE-READY")).count()
        : 0;
  }
}
