package dev.ignite.adapters.oci.registry;

import dev.ignite.adapters.oci.cache.ImportSession;
import dev.ignite.adapters.oci.manifest.Descriptor;
import dev.ignite.adapters.oci.manifest.Digests;
import dev.ignite.adapters.oci.manifest.ImageContent;
import dev.ignite.adapters.oci.manifest.ImageIndex;
import dev.ignite.adapters.oci.manifest.ImageManifest;
import dev.ignite.adapters.oci.manifest.ManifestDocument;
import dev.ignite.adapters.oci.manifest.ManifestJson;
import dev.ignite.adapters.oci.manifest.MediaTypes;
import dev.ignite.ports.ImageException;
import dev.ignite.ports.ImportOptions;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Pulls an image over the OCI distribution API: manifest or index (each verified against the digest
 * it is fetched by), then every blob the cache lacks, verified while streaming.
 */
public final class RegistryPuller {
  private static final int PARALLEL = 3;
  private final Retry retry;
  private final BlobDeadline deadline;
  private final HostNetwork network;
  private final Path defaultDockerConfig;

  public RegistryPuller(
      Retry retry, BlobDeadline deadline, HostNetwork network, Path defaultDockerConfig) {
    this.retry = retry;
    this.deadline = deadline;
    this.network = network;
    this.defaultDockerConfig = defaultDockerConfig;
  }

  public ImageContent pull(RegistryRef ref, ImportOptions options, ImportSession session) {
    try (RegistryClient client = client(ref, options)) {
      String reference = ref.digest() != null ? ref.digest() : ref.tag();
      String where = "manifest of " + ref;
      RegistryClient.Manifest top = manifest(client, ref, reference, where);
      String topDigest = checked(top, ref.digest(), ref, where);
      ImageManifest manifest =
          amd64(client, ref, ManifestJson.parse(top.body(), top.contentType(), where));
      List<Descriptor> blobs = new ArrayList<>();
      blobs.add(manifest.config());
      blobs.addAll(manifest.layers());
      // from a plain-HTTP registry a layer is unpacked only once its digest matched
      boolean verifiedTls = !options.insecureRegistries().contains(ref.registry());
      session.layersKnown(manifest.config().digest(), manifest.layers(), verifiedTls);
      List<String> digests = fetchAll(client, ref, blobs, session);
      return new ImageContent(
          digests.get(0),
          List.copyOf(digests.subList(1, digests.size())),
          List.of(ref.repositoryWithRegistry() + "@" + topDigest));
    } catch (RegistryError e) {
      throw translate(e, ref);
    }
  }

  /**
   * The digest of a manifest as served, checked against the one it was asked for by, or else the
   * one the registry claims for it. One GET by tag, as skopeo does: a HEAD first would cost a round
   * trip and save no pull, since the manifest is fetched whatever it answers.
   */
  private static String checked(
      RegistryClient.Manifest m, String askedFor, RegistryRef ref, String where) {
    String actual = Digests.of(m.body());
    String expected = askedFor != null ? askedFor : m.digest().orElse(actual);
    if (!actual.equals(Digests.requireValid(expected))) {
      throw new ImageException(
          where
              + ": registry "
              + ref.registry()
              + " served content hashing to "
              + actual
              + " for "
              + expected
              + "; nothing was kept");
    }
    return actual;
  }

  private ImageManifest amd64(RegistryClient client, RegistryRef ref, ManifestDocument top) {
    if (top instanceof ImageManifest m) {
      return m;
    }
    Descriptor amd64 = MediaTypes.linuxAmd64((ImageIndex) top, "index of " + ref);
    String chosen = Digests.requireValid(amd64.digest());
    String where = "amd64 manifest of " + ref;
    RegistryClient.Manifest m = manifest(client, ref, chosen, where);
    checked(m, chosen, ref, where);
    if (ManifestJson.parse(m.body(), m.contentType(), where) instanceof ImageManifest manifest) {
      return manifest;
    }
    throw new ImageException(
        "amd64 manifest of " + ref + " is an index again; nested indexes are not followed");
  }

  private RegistryClient.Manifest manifest(
      RegistryClient client, RegistryRef ref, String reference, String where) {
    return retry.call("the " + where, ref.registry(), () -> client.manifest(reference));
  }

  /**
   * The config and the layers are fetched side by side, as Docker and skopeo do: a layer's download
   * (writing, hashing) overlaps the others' and the unpack beside them, and the small config does
   * not wait for the layers or they for it. The first failure cancels the rest.
   */
  private List<String> fetchAll(
      RegistryClient client, RegistryRef ref, List<Descriptor> layers, ImportSession session) {
    if (layers.size() < 2) {
      List<String> one = new ArrayList<>();
      for (Descriptor l : layers) {
        one.add(fetch(client, ref, l.digest(), l.size(), session));
      }
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
          try (InputStream in = client.blob(digest, size)) {
            session.put(digest, size, in, "registry " + ref.registry());
          }
          return digest;
        });
  }

  private RegistryClient client(RegistryRef ref, ImportOptions options) {
    Path config = options.dockerConfig().orElse(defaultDockerConfig);
    boolean insecure = options.insecureRegistries().contains(ref.registry());
    String base =
        (insecure ? "http://" : "https://") + ref.endpoint() + "/v2/" + ref.repository() + "/";
    RegistryHttp http = RegistryHttp.open(ref.registry(), URI.create(base), network, deadline);
    var auth =
        new RegistryAuth(
            ref.repository(),
            DockerCredentials.forRegistry(config, ref.registry()),
            ref.registry(),
            insecure,
            http);
    return new RegistryClient(base, http, auth);
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
              + ref.registry()
              + " ("
              + e.getMessage()
              + ")",
          e);
    }
    return new ImageException(
        "pulling " + ref + " from registry " + ref.registry() + " failed: " + e.getMessage(), e);
  }
}
