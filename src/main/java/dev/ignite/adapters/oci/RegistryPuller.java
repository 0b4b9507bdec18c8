package dev.ignite.adapters.oci;

import dev.ignite.ports.ImageException;
import dev.ignite.ports.ImportOptions;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import land.oras.ContainerRef;
import land.oras.Descriptor;
import land.oras.Layer;
import land.oras.Manifest;
import land.oras.ManifestDescriptor;
import land.oras.Registry;
import land.oras.auth.NoAuthProvider;
import land.oras.auth.UsernamePasswordProvider;
import land.oras.exception.OrasException;

/**
 * Pulls an image over the OCI distribution API (through the ORAS SDK, which speaks the token and
 * Basic challenges): manifest or index, then every blob the cache lacks, verified while streaming.
 */
final class RegistryPuller {
  private final Retry retry;
  private final Path defaultDockerConfig;

  RegistryPuller(Retry retry, Path defaultDockerConfig) {
    this.retry = retry;
    this.defaultDockerConfig = defaultDockerConfig;
  }

  ImageContent pull(RegistryRef ref, ImportOptions options, ImportSession session) {
    Registry registry = client(ref, options);
    ContainerRef cref = ContainerRef.parse(ref.toString());
    try {
      Descriptor top =
          retry.call(
              "the manifest of " + ref, ref.registry(), () -> registry.probeDescriptor(cref));
      String topDigest = Digests.requireValid(top.getDigest());
      Manifest manifest = manifest(registry, cref, ref, top.getMediaType(), topDigest);
      List<String> layers = new ArrayList<>();
      String config =
          fetch(
              registry,
              cref,
              ref,
              manifest.getConfig().getDigest(),
              manifest.getConfig().getSize(),
              session);
      for (Layer layer : manifest.getLayers()) {
        layers.add(fetch(registry, cref, ref, layer.getDigest(), layer.getSize(), session));
      }
      return new ImageContent(
          config, layers, List.of(ref.repositoryWithRegistry() + "@" + topDigest));
    } catch (OrasException e) {
      throw translate(e, ref);
    }
  }

  private Manifest manifest(
      Registry registry, ContainerRef cref, RegistryRef ref, String mediaType, String digest) {
    ContainerRef pinned = cref.withDigest(digest);
    if (!MediaTypes.isIndex(mediaType)) {
      return retry.call(
          "the manifest of " + ref, ref.registry(), () -> registry.getManifest(pinned));
    }
    var index = retry.call("the index of " + ref, ref.registry(), () -> registry.getIndex(pinned));
    ManifestDescriptor amd64 = MediaTypes.linuxAmd64(index, ref.toString());
    ContainerRef chosen = cref.withDigest(Digests.requireValid(amd64.getDigest()));
    return retry.call(
        "the amd64 manifest of " + ref, ref.registry(), () -> registry.getManifest(chosen));
  }

  private String fetch(
      Registry registry,
      ContainerRef cref,
      RegistryRef ref,
      String digest,
      Long size,
      ImportSession session) {
    Digests.requireValid(digest);
    if (session.has(digest)) {
      return digest;
    }
    ContainerRef blob = cref.withDigest(digest);
    return retry.call(
        "blob " + digest,
        ref.registry(),
        () -> {
          try (InputStream in = registry.fetchBlob(blob)) {
            session.put(digest, size == null ? -1 : size, in, "registry " + ref.registry());
          }
          return digest;
        });
  }

  private Registry client(RegistryRef ref, ImportOptions options) {
    Path config = options.dockerConfig().orElse(defaultDockerConfig);
    var auth =
        DockerCredentials.forRegistry(config, ref.registry())
            .<land.oras.auth.AuthProvider>map(
                c -> new UsernamePasswordProvider(c.username(), c.password()))
            .orElseGet(NoAuthProvider::new);
    return Registry.builder()
        .withInsecure(options.insecureRegistries().contains(ref.registry()))
        .withAuthProvider(auth)
        .build();
  }

  private static ImageException translate(OrasException e, RegistryRef ref) {
    Integer status = e.getStatusCode();
    if (status != null && status == 404) {
      return new ImageException(
          "image "
              + ref
              + " not found in registry "
              + ref.registry()
              + " (HTTP 404); check the name and tag",
          e);
    }
    if (status != null && (status == 401 || status == 403)) {
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
