package dev.ignite.adapters.ssh;

import dev.ignite.ports.SshKeys.SshKeyPair;
import dev.ignite.ports.SshTarget;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;

/**
 * A class-data sharing training run for {@code scripts/build-cds}: one {@code exec} through our SSH
 * client against an in-process MINA server on loopback (ed25519 host and user keys, as guests
 * have), so the archive holds the classes every {@code ignite exec/cp/ssh} loads. Not a test: it
 * checks only that the command ran, and exits non-zero if not.
 */
public final class SshTraining {
  private SshTraining() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("ignite-cds-ssh-");
    SshServer server = SshServer.setUpDefaultServer();
    try {
      Path vmDir = Files.createDirectory(dir.resolve("vm"));
      SshKeyPair key = Ssh.keys().generate(vmDir, "train");
      SimpleGeneratorHostKeyProvider hostKey =
          new SimpleGeneratorHostKeyProvider(dir.resolve("host_key"));
      hostKey.setAlgorithm(SecurityUtils.EDDSA);
      server.setKeyPairProvider(hostKey);
      server.setHost("127.0.0.1");
      server.setPort(0);
      String accepted = key.authorizedKey().strip();
      server.setPublickeyAuthenticator(
          (user, offered, session) ->
              accepted.startsWith(
                  org.apache.sshd.common.config.keys.PublicKeyEntry.toString(offered)));
      server.setCommandFactory((channel, command) -> new ExitZero());
      server.start();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int code =
          Ssh.guestShell()
              .exec(
                  SshTarget.forVm(vmDir, "train", server.getPort()),
                  List.of("true"),
                  null,
                  out,
                  out,
                  Duration.ofSeconds(30));
      if (code != 0) {
        throw new IllegalStateException("training exec exited " + code + ": " + out);
      }
    } finally {
      server.stop(true);
      deleteTree(dir);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** Answers every command with exit code 0. */
  private static final class ExitZero implements Command {
    private ExitCallback exit;

    @Override
    public void setExitCallback(ExitCallback callback) {
      this.exit = callback;
    }

    @Override
    public void setErrorStream(java.io.OutputStream err) {}

    @Override
    public void setInputStream(java.io.InputStream in) {}

    @Override
    public void setOutputStream(java.io.OutputStream out) {}

    @Override
    public void start(ChannelSession channel, Environment env) {
      exit.onExit(0);
    }

    @Override
    public void destroy(ChannelSession channel) {}
  }
}
