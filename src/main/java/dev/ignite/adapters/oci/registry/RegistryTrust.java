package dev.ignite.adapters.oci.registry;

import dev.ignite.ports.ImageException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
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
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
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
      context.init(null, new TrustManager[] {new WithExtraCas(system(), only(cas))}, null);
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

  private static X509ExtendedTrustManager system() throws GeneralSecurityException {
    return trustManager(null);
  }

  private static X509ExtendedTrustManager only(List<X509Certificate> cas)
      throws GeneralSecurityException {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    try {
      store.load(null, null);
    } catch (IOException e) {
      throw new GeneralSecurityException(e);
    }
    for (int i = 0; i < cas.size(); i++) {
      store.setCertificateEntry("ca-" + i, cas.get(i));
    }
    return trustManager(store);
  }

  private static X509ExtendedTrustManager trustManager(KeyStore store)
      throws GeneralSecurityException {
    TrustManagerFactory f =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    f.init(store);
    for (TrustManager t : f.getTrustManagers()) {
      if (t instanceof X509ExtendedTrustManager x) {
        return x;
      }
    }
    throw new GeneralSecurityException("no X.509 trust manager");
  }

  /**
   * Trusts what the host trusts, or else what the registry's CAs sign; host names checked by both.
   */
  private static final class WithExtraCas extends X509ExtendedTrustManager {
    private final X509ExtendedTrustManager host;
    private final X509ExtendedTrustManager extra;

    WithExtraCas(X509ExtendedTrustManager host, X509ExtendedTrustManager extra) {
      this.host = host;
      this.extra = extra;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      try {
        host.checkServerTrusted(chain, authType, engine);
      } catch (CertificateException notByTheHost) {
        try {
          extra.checkServerTrusted(chain, authType, engine);
        } catch (CertificateException e) {
          e.addSuppressed(notByTheHost);
          throw e;
        }
      }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      try {
        host.checkServerTrusted(chain, authType, socket);
      } catch (CertificateException notByTheHost) {
        extra.checkServerTrusted(chain, authType, socket);
      }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      throw new CertificateException("a registry's certificate is checked with its host name");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
        throws CertificateException {
      throw new CertificateException("not a server");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
        throws CertificateException {
      throw new CertificateException("not a server");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      throw new CertificateException("not a server");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      X509Certificate[] a = host.getAcceptedIssuers();
      X509Certificate[] b = extra.getAcceptedIssuers();
      X509Certificate[] all = Arrays.copyOf(a, a.length + b.length);
      System.arraycopy(b, 0, all, a.length, b.length);
      return all;
    }
  }
}
