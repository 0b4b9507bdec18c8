package dev.ignite.adapters.oci.registry;

import dev.ignite.ports.ImageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.slf4j.LoggerFactory;

/**
 * TLS trust for one registry, as containers/image and Docker give it: the host's trust (the JDK's
 * default, {@code javax.net.ssl.trustStore} included) plus the CAs of the registry's own certs.d
 * folder, {@code ROOT/HOST[:PORT]/*.crt}, from the first root that has one. Host names are checked
 * as always. Client certificates ({@code *.cert} and {@code *.key}) are not supported yet.
 */
final class RegistryTrust {
  private RegistryTrust() {}

  /** The default context when no root has a folder for {@code registry}. */
  static SSLContext forRegistry(String registry, List<Path> roots) {
    Optional<Path> dir = folder(registry, roots);
    if (dir.isEmpty()) {
      return defaultContext();
    }
    List<X509Certificate> cas = certificates(dir.get());
    if (cas.isEmpty()) {
      return defaultContext();
    }
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, hostAnd(cas), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new ImageException("cannot set up TLS with the CAs in " + dir.get() + ": " + e, e);
    }
  }

  static Optional<Path> folder(String registry, List<Path> roots) {
    for (Path root : roots) {
      Path dir = root.resolve(registry);
      if (Files.isDirectory(dir)) {
        return Optional.of(dir);
      }
    }
    return Optional.empty();
  }

  private static List<X509Certificate> certificates(Path dir) {
    List<X509Certificate> out = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      CertificateFactory x509 = CertificateFactory.getInstance("X.509");
      for (Path f : sorted(files)) {
        String name = f.getFileName().toString();
        if (name.endsWith(".crt")) {
          try (InputStream in = Files.newInputStream(f)) {
            for (Certificate c : x509.generateCertificates(in)) {
              out.add((X509Certificate) c);
            }
          } catch (CertificateException e) {
            throw new ImageException(f + " is not a PEM certificate: " + e.getMessage(), e);
          }
        } else if (name.endsWith(".cert") || name.endsWith(".key")) {
          LoggerFactory.getLogger(RegistryTrust.class)
              .warn("{}: client certificates are not supported; going on without it", f);
        }
      }
    } catch (IOException | CertificateException e) {
      throw new ImageException("cannot read the registry CAs in " + dir + ": " + e, e);
    }
    return out;
  }

  private static List<Path> sorted(DirectoryStream<Path> files) {
    List<Path> list = new ArrayList<>();
    files.forEach(list::add);
    list.sort(null);
    return list;
  }

  private static SSLContext defaultContext() {
    try {
      return SSLContext.getDefault();
    } catch (GeneralSecurityException e) {
      throw new ImageException("the JDK's default TLS set-up failed: " + e, e);
    }
  }

  /** The host's trusted issuers and the registry's CAs in one store: either may sign. */
  private static TrustManager[] hostAnd(List<X509Certificate> cas) throws GeneralSecurityException {
    TrustManagerFactory host = factory();
    host.init((KeyStore) null);
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    try {
      store.load(null, null);
    } catch (IOException e) {
      throw new GeneralSecurityException(e);
    }
    List<X509Certificate> all = new ArrayList<>(cas);
    for (TrustManager t : host.getTrustManagers()) {
      if (t instanceof X509TrustManager x) {
        all.addAll(List.of(x.getAcceptedIssuers()));
      }
    }
    for (int i = 0; i < all.size(); i++) {
      store.setCertificateEntry("ca-" + i, all.get(i));
    }
    TrustManagerFactory both = factory();
    both.init(store);
    return both.getTrustManagers();
  }

  private static TrustManagerFactory factory() throws GeneralSecurityException {
    return TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
  }
}
