package dev.ignite.adapters.oci.cache;

import dev.ignite.adapters.oci.manifest.Digests;
import dev.ignite.adapters.oci.unpack.LayerTree;
import dev.ignite.ports.ImportedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trees an import unpacked while its layers downloaded, under {@code unpacked/<key>}, kept until
 * the image's first unpack takes one by renaming it, so the layers are not read twice. The key
 * covers the config and every layer: two images may share a config and differ in layers.
 */
public final class UnpackedTrees {
  private static final Logger LOG = LoggerFactory.getLogger(UnpackedTrees.class);
  private final Path dir;

  public UnpackedTrees(Path cacheDir) {
    this.dir = cacheDir.resolve("unpacked");
  }

  /** The name of the tree of the image with this config and these layers. */
  public static String key(String configDigest, List<String> layers) {
    StringBuilder all = new StringBuilder(Digests.requireValid(configDigest));
    for (String layer : layers) {
      all.append('\n').append(Digests.requireValid(layer));
    }
    return Digests.hex(Digests.of(all.toString().getBytes(StandardCharsets.US_ASCII)));
  }

  boolean has(String key) {
    return Files.isDirectory(dir.resolve(key), LinkOption.NOFOLLOW_LINKS);
  }

  /**
   * Keeps {@code staging} as the image's tree. When another process's tree for it is there first,
   * that one wins and {@code staging} is left to its import's scratch folder.
   */
  void keep(Path staging, String key) throws IOException {
    Files.createDirectories(dir);
    try {
      Files.move(staging, dir.resolve(key), StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
      LOG.debug("the image's tree {} is there already", key);
    }
  }

  /**
   * Moves the image's tree to {@code target} (absent or an empty directory); false when there is no
   * tree, another process took it first, or the target is on another file system.
   */
  public boolean moveTo(String key, Path target) throws IOException {
    Path tree = dir.resolve(key);
    if (!has(key)) {
      return false;
    }
    try {
      Files.deleteIfExists(target); // an empty directory only: a full one throws below
      Files.move(tree, target, StandardCopyOption.ATOMIC_MOVE);
      return true;
    } catch (NoSuchFileException | DirectoryNotEmptyException e) {
      return false;
    } catch (AtomicMoveNotSupportedException e) {
      LOG.debug("{} is on another file system than the image cache: unpacking again", target);
      discard(tree);
      return false;
    }
  }

  /**
   * Removes trees whose image has no record: an image removed by one process while another kept its
   * tree, a cache written before records were saved ahead of trees, or a tree named only by its
   * config as older versions named them.
   */
  public void sweepUnrecorded(ImageRecords records) {
    if (!Files.isDirectory(dir)) {
      return;
    }
    Set<String> recorded = new HashSet<>();
    for (ImportedImage image : records.all()) {
      recorded.add(key(image.id(), image.layers()));
    }
    try (DirectoryStream<Path> trees = Files.newDirectoryStream(dir)) {
      for (Path tree : trees) {
        if (!recorded.contains(tree.getFileName().toString())) {
          discard(tree);
        }
      }
    } catch (IOException e) {
      LOG.debug("could not sweep {}: {}", dir, e.toString());
    }
  }

  public void delete(String key) throws IOException {
    LayerTree.deleteTree(dir.resolve(key));
  }

  private static void discard(Path tree) {
    try {
      LayerTree.deleteTree(tree);
    } catch (IOException e) {
      LOG.warn("could not remove {}: {}", tree, e.toString());
    }
  }
}
