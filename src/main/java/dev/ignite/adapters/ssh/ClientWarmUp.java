package dev.ignite.adapters.ssh;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads and initialises the SSH client's classes (MINA SSHD, net.i2p's ed25519) on a daemon thread,
 * so a CLI that will reach a guest pays for them while it builds a disk or waits for a boot, not
 * after: at the JVM's quick start-up settings they cost about half a second.
 */
final class ClientWarmUp {
  private static final Logger LOG = LoggerFactory.getLogger(ClientWarmUp.class);
  private static boolean started;

  private ClientWarmUp() {}

  static synchronized void start() {
    if (started) {
      return;
    }
    started = true;
    Thread t = new Thread(ClientWarmUp::warm, "ssh-client-warm-up");
    t.setDaemon(true);
    t.start();
  }

  /** The same first steps as {@link GuestConnection#open}, so class initialisation order holds. */
  private static void warm() {
    try {
      SshClient client = SshClient.setUpDefaultClient();
      SecurityUtils.isEDDSACurveSupported();
      client.getKeyExchangeFactories().size();
    } catch (RuntimeException | LinkageError e) {
      LOG.debug("SSH client warm-up failed; the first connection will load the classes", e);
    }
  }
}
