package dev.ignite.adapters.oci;

import dev.ignite.ports.ImageException;
import dev.ignite.ports.ImportOptions;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Pulls an image over the OCI distribution API: manifest or index (each verified against the digest
 * it is fetched by), then every blob the cache lacks, verified while streaming.
 */
final class RegistryPuller {
  private static final int PARALLEL = 3;
  private final Retry retry;
  private final Path defaultDockerConfig;

  RegistryPuller(Retry retry, Path defaultDockerConfig) {
    this.retry = retry;
    this.defaultDockerConfig = defaultDockerConfig;
  }

  ImageContent pull(RegistryRef ref, ImportOptions options, ImportSession session) {
    RegistryClient client = client(ref, options);
    try {
      String topDigest = topDigest(client, ref);
      ImageManifest manifest = manifest(client, ref, topDigest);
      Descriptor config = manifest.config();
      String configDigest = fetch(client, ref, config.digest(), config.size(), session);
      List<String> layers = fetchLayers(client, ref, manifest.layers(), session);
      return new ImageContent(
          configDigest, layers, List.of(ref.repositoryWithRegistry() + "@" + topDigest));
    } catch (RegistryError e) {
      throw translate(e, ref);
    }
  }

  /**
   * The digest the reference names. A tag is probed with HEAD (registries count GETs against pull
   * limits, not HEADs); a registry that gives no digest there is asked for the manifest itself,
   * whose hash is its digest.
   */
  private String topDigest(RegistryClient client, RegistryRef ref) {
    if (ref.digest() != null) {
      return ref.digest();
    }
    String what = "the manifest of " + ref;
    Optional<String> probed = retry.call(what, ref.registry(), () -> client.probe(ref.tag()));
    if (probed.isPresent()) {
      return Digests.requireValid(probed.get());
    }
    return Digests.of(retry.call(what, ref.registry(), () -> client.manifest(ref.tag())).body());
  }

  private ImageManifest manifest(RegistryClient client, RegistryRef ref, String digest) {
    ManifestDocument top = document(client, ref, digest, "manifest of " + ref);
    if (top instanceof ImageManifest m) {
      return m;
    }
    Descriptor amd64 = MediaTypes.linuxAmd64((ImageIndex) top, "index of " + ref);
    String chosen = Digests.requireValid(amd64.digest());
    if (document(client, ref, chosen, "amd64 manifest of " + ref) instanceof ImageManifest m) {
      return m;
    }
    throw new ImageException(
        "amd64 manifest of " + ref + " is an index again; nested indexes are not followed");
  }

  /** The manifest or index stored under {@code digest}, checked against it. */
  private ManifestDocument document(
      RegistryClient client, RegistryRef ref, String digest, String where) {
    Digests.requireValid(digest);
    RegistryClient.Manifest m =
        retry.call("the " + where, ref.registry(), () -> client.manifest(digest));
    String actual = Digests.of(m.body());
    if (!actual.equals(digest)) {
      throw new ImageException(
          where
              + ": registry "
              + ref.registry()
              + " served content hashing to "
              + actual
              + " for "
              + digest
              + "; nothing was kept");
    }
    return ManifestJson.parse(m.body(), m.contentType(), where);
  }

  /**
   * Layers are fetched side by side, as Docker and skopeo do: hashing is the CPU-bound part of a
   * download, so a second core halves it. The first failure cancels the rest.
   */
  private List<String> fetchLayers(
      RegistryClient client, RegistryRef ref, List<Descriptor> layers, ImportSession session) {
    if (layers.size() < 2) {
      List<String> one = new ArrayList<>();
      layers.forEach(l -> one.add(fetch(client, ref, l.digest(), l.size(), session)));
      return one;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(layers.size(), PARALLEL));
    try {
      List<Future<String>> futures = new ArrayList<>();
      for (Descriptor l : layers) {
        futures.add(pool.submit(() -> fetch(client, ref, l.digest(), l.size(), session)));
      }
      List<String> digests = new ArrayList<>();
      for (Future<String> f : futures) {
        digests.add(join(f));
      }
      return digests;
    } finally {
      // a failed import rolls back what it stored, so no layer may still be landing after this
      pool.shutdownNow();
      awaitQuietly(pool);
    }
  }

  private static void awaitQuietly(ExecutorService pool) {
    try {
      if (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
        throw new ImageException("layer downloads did not stop within a minute of a failure");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String join(Future<String> f) {
    try {
      return f.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new ImageException("fetching a layer failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ImageException("interrupted while fetching layers", e);
    }
  }

  private String fetch(
      RegistryClient client, RegistryRef ref, String digest, long size, ImportSession session) {
    Digests.requireValid(digest);
    if (session.has(digest)) {
      return digest;
    }
    return retry.call(
        "blob " + digest,
        ref.registry(),
        () -> {
          try (InputStream in = client.blob(digest)) {
            session.put(digest, size, in, "registry " + ref.registry());
          }
          return digest;
        });
  }

  private RegistryClient client(RegistryRef ref, ImportOptions options) {
    Path config = options.dockerConfig().orElse(defaultDockerConfig);
    var auth =
        new RegistryAuth(ref.repository(), DockerCredentials.forRegistry(config, ref.registry()));
    return new RegistryClient(ref, options.insecureRegistries().contains(ref.registry()), auth);
  }

  private static ImageException translate(RegistryError e, RegistryRef ref) {
    int status = e.status();
    if (status == 404) {
      return new ImageException(
          "image "
              + ref
              + " not found in registry "
              + ref.registry()
              + " (HTTP 404); check the name and tag",
          e);
    }
    if (status == 401 || status == 403) {
      return new ImageException(
          "registry "
              + ref.registry()
              + " refused access to "
              + ref
              + " (HTTP "
              + status
              + "); log in so that config.json holds credentials for "
              + ref.registry(),
          e);
    }
    return new ImageException(
        "pulling " + ref + " from registry " + ref.registry() + " failed: " + e.getMessage(), e);
  }
}
