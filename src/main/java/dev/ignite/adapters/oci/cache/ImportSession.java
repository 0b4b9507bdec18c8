package dev.ignite.adapters.oci.cache;

import dev.ignite.adapters.oci.manifest.Descriptor;
import dev.ignite.adapters.oci.unpack.CountingInputStream;
import dev.ignite.adapters.oci.unpack.EagerUnpack;
import dev.ignite.adapters.oci.unpack.LayerStack;
import dev.ignite.adapters.oci.unpack.UnpackLimits;
import dev.ignite.ports.ImportProgress;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One import's writes to the blob store: counts bytes fetched and remembers new blobs, so a failed
 * import can take back exactly what it added and leave the cache as it found it. Layers may be
 * stored from several threads at once. Part files and the tree it unpacks while the layers download
 * ({@link EagerUnpack}) live in the import's own {@link ImportScratch} folder.
 */
public final class ImportSession {
  private static final Logger LOG = LoggerFactory.getLogger(ImportSession.class);
  private final BlobStore store;
  private final ImportProgress progress;
  private final UnpackedTrees trees;
  private final ImportScratch scratch;
  private final Set<String> added = new LinkedHashSet<>();
  private final Map<String, LiveBlob> live = new ConcurrentHashMap<>();
  private long downloadedBytes;
  private final UnpackLimits limits;
  private EagerUnpack eager;
  private String configDigest;
  private String treeKey;
  private Path staging;

  public ImportSession(
      BlobStore store,
      ImportProgress progress,
      UnpackedTrees trees,
      ImportScratch scratch,
      UnpackLimits limits) {
    this.store = store;
    this.limits = limits;
    this.progress = progress;
    this.trees = trees;
    this.scratch = scratch;
  }

  public boolean has(String digest) {
    if (!store.has(digest)) {
      return false;
    }
    LiveBlob l = live.get(digest);
    if (l != null) {
      l.stored(store.path(digest), store.size(digest));
    }
    return true;
  }

  public BlobStore store() {
    return store;
  }

  /**
   * The image's config and layers are known and nothing is fetched yet: starts unpacking them as
   * they arrive, unless everything is cached already (then there is nothing to overlap) or the
   * image already has a tree. A layer is read while it lands only when {@code readWhileLanding}
   * (the registry's TLS certificate was verified), else once its digest matched.
   */
  public void layersKnown(
      String configDigest, List<Descriptor> descriptors, boolean readWhileLanding) {
    List<String> layers = new ArrayList<>();
    Map<String, Long> sizes = new HashMap<>();
    boolean allCached = true;
    for (Descriptor d : descriptors) {
      layers.add(d.digest());
      sizes.put(d.digest(), d.size());
      allCached &= store.has(d.digest());
    }
    String key = UnpackedTrees.key(configDigest, layers);
    if (eager != null || trees.has(key) || allCached || sizes.size() != layers.size()) {
      return;
    }
    for (String layer : layers) {
      live.put(layer, new LiveBlob(layer, readWhileLanding));
      has(layer); // a cached layer is readable now
    }
    try {
      staging = Files.createDirectory(scratch.dir().resolve("tree"));
      eager =
          EagerUnpack.start(
              LayerStack.onto(staging, limits), layers, l -> counted(l, sizes.get(l)));
      this.configDigest = configDigest;
      this.treeKey = key;
    } catch (IOException e) {
      LOG.debug("not unpacking while downloading: {}", e.toString());
    }
  }

  /** A layer as it lands, its bytes reported as unpack progress (the layer's size is the total). */
  private InputStream counted(String layer, long total) {
    progress.onUnpack(layer, 0, total);
    return new CountingInputStream(live.get(layer).open(), layer, total, progress);
  }

  public void put(String digest, long size, InputStream in, String origin) throws IOException {
    boolean existed = store.has(digest);
    LiveBlob l = live.get(digest);
    long n =
        store.put(
            scratch.dir(),
            digest,
            size,
            in,
            progress,
            origin,
            l != null ? l : new LiveBlob(digest, false));
    synchronized (this) {
      downloadedBytes += n;
      if (!existed) {
        added.add(digest);
      }
    }
  }

  public String putComputing(InputStream in) throws IOException {
    BlobStore.Stored stored = store.putComputing(scratch.dir(), in);
    synchronized (this) {
      downloadedBytes += stored.bytes();
      if (stored.added()) {
        added.add(stored.digest());
      }
    }
    return stored.digest();
  }

  public synchronized long downloadedBytes() {
    return downloadedBytes;
  }

  /**
   * Every blob is stored: waits for the unpacking that ran beside the downloads, if any, and keeps
   * its tree when each layer unpacked to what the now stored config lists for it.
   */
  public void finish() {
    if (eager != null) {
      for (LiveBlob l : live.values()) {
        l.fail("it was never downloaded"); // no-op when stored
      }
      if (eager.finish(store.path(configDigest), configDigest)) {
        keepTree();
      }
    }
  }

  /** A tree that cannot be kept stays in the scratch folder, which goes as the import ends. */
  private void keepTree() {
    try {
      trees.keep(staging, treeKey);
    } catch (IOException e) {
      LOG.debug("could not keep the unpacked tree {}: {}", treeKey, e.toString());
    }
  }

  /** Deletes new blobs the finished image does not use (archive members that are not layers). */
  public synchronized void keepOnly(Set<String> used) {
    added.stream().filter(d -> !used.contains(d)).toList().forEach(this::drop);
  }

  /** Takes back every blob this import added, and the tree it was unpacking. */
  public void rollback() {
    live.values().forEach(l -> l.fail("the import failed"));
    if (eager != null) {
      eager.abandon();
    }
    synchronized (this) {
      added.forEach(this::drop);
    }
  }

  private void drop(String digest) {
    try {
      store.delete(digest);
    } catch (IOException e) {
      LOG.warn("could not remove blob {} after a failed import: {}", digest, e.toString());
    }
  }
}
