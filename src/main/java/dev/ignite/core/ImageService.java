package dev.ignite.core;

import dev.ignite.api.Image;
import dev.ignite.api.ObjectMeta;
import dev.ignite.api.OciSource;
import dev.ignite.api.Size;
import dev.ignite.api.Uid;
import dev.ignite.api.Vm;
import dev.ignite.ports.ImageException;
import dev.ignite.ports.ImageSource;
import dev.ignite.ports.ImportOptions;
import dev.ignite.ports.ImportProgress;
import dev.ignite.ports.ImportedImage;
import dev.ignite.ports.LookupException;
import dev.ignite.ports.ObjectDirs;
import dev.ignite.ports.StateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Images VMs boot from: imported into the content-addressed cache, recorded as {@link Image}
 * objects (uid = the config digest's hex) and unpacked once per image into a shared read-only tree
 * {@code images/<id>/rootfs} beside the object.
 */
public final class ImageService {
  static final String ROOTFS = "rootfs";

  private final StateStore store;
  private final ObjectDirs dirs;
  private final ImageSource source;
  private final ImportOptions options;
  private final Clock clock;

  public ImageService(
      StateStore store, ObjectDirs dirs, ImageSource source, ImportOptions options, Clock clock) {
    this.store = store;
    this.dirs = dirs;
    this.source = source;
    this.options = options;
    this.clock = clock;
  }

  /** What an import produced; {@code downloadedBytes} is 0 when everything was cached. */
  public record Imported(Image image, long downloadedBytes) {}

  /**
   * Imports {@code ref} (blobs already cached are not fetched again) and records the image under
   * its normalised reference.
   */
  public Imported importImage(String ref, ImportProgress progress) {
    ImportedImage imported = source.importImage(ref, options, progress);
    Uid uid = uidOf(imported.id());
    Image image =
        new Image(
            new ObjectMeta(
                ObjectNames.fromReference(ref),
                uid,
                clock.instant().truncatedTo(ChronoUnit.SECONDS),
                null,
                null),
            imported.ref(),
            new OciSource(
                imported.id(), Size.ofBytes(imported.sizeBytes()), imported.repoDigests()));
    store.withLock(() -> store.put(image));
    return new Imported(image, imported.downloadedBytes());
  }

  /** {@code ref} in the one form an image is known by ({@link ImageSource#normalise}). */
  public String normalise(String ref) {
    return source.normalise(ref);
  }

  /**
   * The recorded image imported from {@code ref} (in any spelling of it) whose blobs are still
   * cached, else imports it.
   */
  public Image ensure(String ref, ImportProgress progress) {
    String normal = source.normalise(ref);
    Optional<Image> known =
        store.list(Image.class).stream()
            .filter(i -> normal.equals(i.oci()))
            .filter(i -> source.find(i.source().id()).isPresent())
            .findFirst();
    return known.orElseGet(() -> importImage(ref, progress).image());
  }

  /** The image's unpacked tree, unpacked now if it is not yet: to a temp folder, then renamed. */
  public Path rootfs(Image image) {
    Path dir = dirs.dir(Image.class, image.metadata().uid());
    Path rootfs = dir.resolve(ROOTFS);
    if (Files.isDirectory(rootfs)) {
      return rootfs;
    }
    UnpackStaging.sweepDead(dir);
    Path staging = UnpackStaging.next(dir);
    try {
      Files.createDirectories(dir);
      source.unpack(image.source().id(), staging);
      Files.move(staging, rootfs, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      if (!Files.isDirectory(rootfs)) { // else another process unpacked it first: use theirs
        throw new LifecycleException(
            "cannot unpack image " + image.oci() + " into " + dir + ": " + e, e);
      }
    } finally {
      FileTrees.deleteQuietly(staging);
    }
    return rootfs;
  }

  public List<Image> list() {
    return store.list(Image.class).stream()
        .sorted(Comparator.comparing((Image i) -> i.metadata().created()))
        .toList();
  }

  /**
   * By name, uid (hex id) prefix, {@code sha256:} id or the reference it was imported from (in any
   * spelling of it).
   */
  public Image get(String ref) {
    String hex = ref.startsWith("sha256:") ? ref.substring("sha256:".length()) : ref;
    Optional<String> normal = normaliseIfValid(ref);
    return store.list(Image.class).stream()
        .filter(i -> ref.equals(i.oci()) || normal.map(n -> n.equals(i.oci())).orElse(false))
        .findFirst()
        .orElseGet(() -> store.find(Image.class, hex));
  }

  private Optional<String> normaliseIfValid(String ref) {
    try {
      return Optional.of(source.normalise(ref));
    } catch (ImageException notAReference) {
      return Optional.empty(); // a name or an id
    }
  }

  /** Removes an image; refused while a VM uses it unless {@code force}. */
  public Image remove(String ref, boolean force, List<Vm> vms) {
    Image image = get(ref);
    List<String> users =
        vms.stream()
            .filter(vm -> vm.status().image() != null)
            .filter(vm -> image.source().id().equals(vm.status().image().id()))
            .map(Vm::name)
            .toList();
    if (!users.isEmpty() && !force) {
      throw new LifecycleException(
          "image "
              + image.oci()
              + " is used by VM(s) "
              + String.join(", ", users)
              + ": remove them first, or use image rm -f");
    }
    source.remove(image.source().id());
    store.delete(Image.class, image.metadata().uid());
    return image;
  }

  static Uid uidOf(String imageId) {
    String hex = imageId.startsWith("sha256:") ? imageId.substring(7) : imageId;
    if (!Uid.isValid(hex)) {
      throw new LookupException("image id " + imageId + " is not a sha256 digest");
    }
    return new Uid(hex);
  }
}
