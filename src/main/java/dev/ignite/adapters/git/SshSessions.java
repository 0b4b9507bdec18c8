package dev.ignite.adapters.git;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.sshd.KeyPasswordProvider;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;

/**
 * JGit's MINA SSHD transport set up for a daemon: only the given identity files (no agent, no
 * ~/.ssh/config, no password or passphrase prompts), host keys checked by {@link StrictKnownHosts}.
 */
final class SshSessions {
  private SshSessions() {}

  static SshdSessionFactory factory(List<Path> identities, StrictKnownHosts hostKeys, Path home) {
    File sshDir = home.resolve(".ssh").toFile();
    return new SshdSessionFactoryBuilder()
        .setHomeDirectory(home.toFile())
        .setSshDirectory(sshDir)
        .setConfigFile(dir -> null)
        .setDefaultKnownHostsFiles(dir -> List.of())
        .setDefaultIdentities(dir -> existing(identities))
        .setServerKeyDatabase((homeDir, dir) -> hostKeys)
        .setPreferredAuthentications("publickey")
        .setConnectorFactory(null)
        .setKeyPasswordProvider(credentials -> new NoPassphrase())
        .build(null);
  }

  static List<Path> existing(List<Path> identities) {
    return identities.stream().filter(Files::isRegularFile).toList();
  }

  /** A daemon has nobody to ask: an encrypted identity file is skipped. */
  private static final class NoPassphrase implements KeyPasswordProvider {
    @Override
    public char[] getPassphrase(URIish uri, int attempt) {
      return null;
    }

    @Override
    public void setAttempts(int attempts) {
      // never asked twice
    }

    @Override
    public boolean keyLoaded(URIish uri, int attempt, Exception error) {
      return false;
    }
  }
}
