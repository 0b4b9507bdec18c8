package dev.ignite.adapters.oci.registry;

import dev.ignite.ports.ImageException;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * The TLS failures not worth retrying: an untrusted certificate and a plain-HTTP port stay so. They
 * are said at once, with what to do, instead of after three attempts as "did not answer".
 */
final class TlsFailure {
  private TlsFailure() {}

  static Optional<ImageException> of(IOException e, String registry) {
    SSLException tls = find(e, SSLException.class);
    if (tls == null) {
      return Optional.empty();
    }
    String why = String.valueOf(Retry.rootCause(tls).getMessage());
    if (why.contains("Unsupported or unrecognized SSL message") || why.contains("plaintext")) {
      return Optional.of(
          new ImageException(
              "registry "
                  + registry
                  + " does not speak TLS on that port; for a plain-HTTP registry use"
                  + " --insecure-registry "
                  + registry,
              e));
    }
    if (find(tls, GeneralSecurityException.class) != null) {
      return Optional.of(
          new ImageException(
              "registry "
                  + registry
                  + " presented a TLS certificate this host does not trust ("
                  + why
                  + "): put its CA in /etc/containers/certs.d/"
                  + registry
                  + "/ca.crt, or in the host's trust store (on Debian: copy it to"
                  + " /usr/local/share/ca-certificates/ and run update-ca-certificates), or, for a"
                  + " registry without TLS, use --insecure-registry "
                  + registry,
              e));
    }
    return Optional.empty(); // a handshake cut short may pass next time: retried as before
  }

  private static <T extends Throwable> T find(Throwable t, Class<T> type) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (type.isInstance(c)) {
        return type.cast(c);
      }
    }
    return null;
  }
}
