package dev.ignite.adapters.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignite.ports.SshTarget;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SshTest {
  private final SshTarget target = SshTarget.forVm(Path.of("/var/lib/ignite/vms/abc"), "web", 2222);

  @Test
  void interactiveCommandPinsTheHostKeyInTheVmFolder() {
    List<String> argv = Ssh.interactiveCommand(target, List.of());

    assertThat(argv)
        .containsSubsequence("ssh", "-i", "/var/lib/ignite/vms/abc/id_ed25519", "-p", "2222")
        .contains(
            "UserKnownHostsFile=/var/lib/ignite/vms/abc/known_hosts",
            "StrictHostKeyChecking=accept-new",
            "HostKeyAlias=ignite-web",
            "IdentitiesOnly=yes");
    assertThat(argv).last().isEqualTo("root@127.0.0.1");
  }

  @Test
  void interactiveCommandQuotesARemoteCommandAsOneWord() {
    List<String> argv = Ssh.interactiveCommand(target, List.of("echo", "a b", "$HOME"));

    assertThat(argv).endsWith("root@127.0.0.1", "--", "echo 'a b' '$HOME'");
  }
}
