package dev.ignite.adapters.oci;

import dev.ignite.adapters.oci.archive.ArchiveImporter;
import dev.ignite.adapters.oci.archive.LayoutImporter;
import dev.ignite.adapters.oci.archive.RootfsTarImporter;
import dev.ignite.adapters.oci.cache.BlobStore;
import dev.ignite.adapters.oci.cache.ImageRecords;
import dev.ignite.adapters.oci.cache.ImportScratch;
import dev.ignite.adapters.oci.cache.ImportSession;
import dev.ignite.adapters.oci.cache.UnpackedTrees;
import dev.ignite.adapters.oci.manifest.DiffIds;
import dev.ignite.adapters.oci.manifest.ImageContent;
import dev.ignite.adapters.oci.registry.BlobDeadline;
import dev.ignite.adapters.oci.registry.DockerCredentials;
import dev.ignite.adapters.oci.registry.HostNetwork;
import dev.ignite.adapters.oci.registry.RegistryPuller;
import dev.ignite.adapters.oci.registry.Retry;
import dev.ignite.adapters.oci.unpack.CountingInputStream;
import dev.ignite.adapters.oci.unpack.LayerStack;
import dev.ignite.adapters.oci.unpack.UnpackLimits;
import dev.ignite.ports.ImageException;
import dev.ignite.ports.ImageSource;
import dev.ignite.ports.ImportOptions;
import dev.ignite.ports.ImportProgress;
import dev.ignite.ports.ImportedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * OCI images in a content-addressed cache: {@code blobs/sha256/<hex>} and {@code images/<config
 * hex>.json} under the cache directory. Entry point of the {@code oci} adapter.
 */
public final class OciImages implements ImageSource {
  private final BlobStore blobs;
  private final ImageRecords records;
  private final RegistryPuller registries;
  private final UnpackedTrees unpacked;
  private final Path cacheDir;
  private final UnpackLimits limits;

  private OciImages(
      Path cacheDir, Retry retry, BlobDeadline deadline, HostNetwork network, UnpackLimits limits) {
    this.cacheDir = cacheDir;
    this.limits = limits;
    this.blobs = new BlobStore(cacheDir);
    this.records = new ImageRecords(cacheDir);
    this.unpacked = new UnpackedTrees(cacheDir);
    Path dockerConfig =
        DockerCredentials.defaultLocation(System.getenv(), System.getProperty("user.home"));
    this.registries = new RegistryPuller(retry, deadline, network, dockerConfig);
  }

  /** A cache in {@code cacheDir}; registry calls are tried 3 times, 0.5 s then 1 s apart. */
  public static OciImages create(Path cacheDir) {
    return create(cacheDir, 3, Duration.ofMillis(500));
  }

  public static OciImages create(Path cacheDir, int attempts, Duration firstRetryDelay) {
    return create(
        cacheDir,
        new Retry(attempts, firstRetryDelay),
        BlobDeadline.DEFAULT,
        HostNetwork.ofThisHost());
  }

  public static OciImages create(
      Path cacheDir, Retry retry, BlobDeadline deadline, HostNetwork network) {
    return new OciImages(cacheDir, retry, deadline, network, UnpackLimits.from(System.getenv()));
  }

  /** A cache whose unpacks stop at {@code limits}, whatever the environment says. */
  public static OciImages create(Path cacheDir, UnpackLimits limits) {
    return new OciImages(
        cacheDir,
        new Retry(3, Duration.ofMillis(500)),
        BlobDeadline.DEFAULT,
        HostNetwork.ofThisHost(),
        limits);
  }

  @Override
  public String normalise(String ref) {
    return SourceRef.parse(ref).describe();
  }

  @Override
  public ImportedImage importImage(String ref, ImportOptions options, ImportProgress progress) {
    SourceRef source = SourceRef.parse(ref);
    try (ImportScratch scratch = openScratch(ref)) {
      return importImage(
          ref, source, options, new ImportSession(blobs, progress, unpacked, scratch, limits));
    }
  }

  private ImportScratch openScratch(String ref) {
    try {
      unpacked.sweepUnrecorded(records);
      return ImportScratch.open(cacheDir.resolve("tmp"));
    } catch (IOException e) {
      throw new ImageException(
          "importing " + ref + " failed: " + describe(e, "the image cache " + cacheDir), e);
    }
  }

  /**
   * The record is saved before the tree unpacked beside the download is kept ({@code
   * session.finish}): a crash between the two then leaves the tree in the import's scratch folder,
   * which the next import sweeps, never a tree without a record. The image's first VM unpacks from
   * the blobs when there is no tree.
   */
  private ImportedImage importImage(
      String ref, SourceRef source, ImportOptions options, ImportSession session) {
    ImportedImage image;
    try {
      ImageContent content = fetch(source, options, session);
      image =
          new ImportedImage(
              content.configDigest(),
              source.describe(),
              sizeOf(content),
              content.repoDigests(),
              content.layers(),
              session.downloadedBytes());
      records.save(image);
    } catch (IOException e) {
      session.rollback();
      throw new ImageException(
          "importing " + ref + " failed: " + describe(e, "the image cache " + cacheDir), e);
    } catch (RuntimeException e) {
      session.rollback();
      throw e;
    }
    session.finish();
    return image;
  }

  private ImageContent fetch(SourceRef source, ImportOptions options, ImportSession session)
      throws IOException {
    if (source instanceof SourceRef.Registry r) {
      return registries.pull(r.ref(), options, session);
    } else if (source instanceof SourceRef.Layout l) {
      return LayoutImporter.importLayout(l.dir(), l.tag(), session);
    } else if (source instanceof SourceRef.OciArchive a) {
      return ArchiveImporter.ociArchive(a.file(), a.tag(), session);
    } else if (source instanceof SourceRef.DockerArchive d) {
      return ArchiveImporter.dockerArchive(d.file(), session);
    }
    return RootfsTarImporter.importTar(((SourceRef.RootfsTar) source).file(), session);
  }

  /** ENOSPC names no path on its own: say which place ran out. */
  private static String describe(IOException e, String place) {
    return "No space left on device".equals(e.getMessage())
        ? "the host file system holding "
            + place
            + " is full (No space left on device); free some space there"
        : e.toString();
  }

  private long sizeOf(ImageContent content) {
    long size = blobs.size(content.configDigest());
    for (String layer : content.layers()) {
      size += blobs.size(layer);
    }
    return size;
  }

  @Override
  public void unpack(String imageId, Path targetDir) {
    unpack(imageId, targetDir, ImportProgress.NONE);
  }

  @Override
  public void unpack(String imageId, Path targetDir, ImportProgress progress) {
    Optional<ImportedImage> found = find(imageId);
    if (found.isEmpty()) {
      throw new ImageException("image " + imageId + " is not in the cache; import it first");
    }
    ImportedImage image = found.get();
    try {
      if (unpacked.moveTo(UnpackedTrees.key(image.id(), image.layers()), targetDir)) {
        return;
      }
      List<String> diffIds =
          DiffIds.ofConfig(blobs.path(image.id()), image.id(), image.layers().size());
      LayerStack.onto(targetDir, limits)
          .apply(
              image.layers(),
              diffIds,
              layer -> {
                long total = blobs.size(layer);
                progress.onUnpack(layer, 0, total);
                InputStream raw = Files.newInputStream(blobs.path(layer));
                return new CountingInputStream(raw, layer, total, progress);
              });
    } catch (IOException e) {
      throw new ImageException(
          "unpacking image "
              + imageId
              + " into "
              + targetDir
              + " failed: "
              + describe(e, targetDir.toString()),
          e);
    }
  }

  @Override
  public List<ImportedImage> list() {
    return records.all();
  }

  @Override
  public Optional<ImportedImage> find(String imageId) {
    return records.find(id(imageId));
  }

  private static String id(String imageId) {
    return imageId.startsWith("sha256:") ? imageId : "sha256:" + imageId;
  }

  /**
   * Removes the image's record, its tree, and the blobs no other image uses. A damaged record is
   * removed alone: the blobs it named are left, as are those any other damaged record names.
   */
  @Override
  public boolean remove(String imageId) {
    Optional<ImportedImage> image = find(imageId);
    if (image.isEmpty()) {
      try {
        return records.delete(id(imageId));
      } catch (IOException e) {
        throw new UncheckedIOException("removing image " + imageId, e);
      }
    }
    try {
      // the tree first: a crash between the two leaves a record whose VMs unpack from blobs
      unpacked.delete(UnpackedTrees.key(image.get().id(), image.get().layers()));
      records.delete(image.get().id());
      ImageRecords.Listing rest = records.list();
      Set<String> stillUsed = new HashSet<>(rest.namedByUnreadable());
      for (ImportedImage other : rest.images()) {
        stillUsed.add(other.id());
        stillUsed.addAll(other.layers());
      }
      for (String digest : blobsOf(image.get())) {
        if (!stillUsed.contains(digest)) {
          blobs.delete(digest);
        }
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("removing image " + imageId, e);
    }
  }

  private static List<String> blobsOf(ImportedImage image) {
    var all = new java.util.ArrayList<>(image.layers());
    all.add(image.id());
    return all;
  }
}
