package dev.ignite.adapters.oci;

import dev.ignite.ports.ImportProgress;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One import's writes to the blob store: counts bytes fetched and remembers new blobs, so a failed
 * import can take back exactly what it added and leave the cache as it found it. Layers may be
 * stored from several threads at once.
 */
final class ImportSession {
  private static final Logger LOG = LoggerFactory.getLogger(ImportSession.class);
  private final BlobStore store;
  private final ImportProgress progress;
  private final Set<String> added = new LinkedHashSet<>();
  private long downloadedBytes;

  ImportSession(BlobStore store, ImportProgress progress) {
    this.store = store;
    this.progress = progress;
  }

  boolean has(String digest) {
    return store.has(digest);
  }

  BlobStore store() {
    return store;
  }

  void put(String digest, long size, InputStream in, String origin) throws IOException {
    boolean existed = store.has(digest);
    long n = store.put(digest, size, in, progress, origin);
    synchronized (this) {
      downloadedBytes += n;
      if (!existed) {
        added.add(digest);
      }
    }
  }

  String putComputing(InputStream in) throws IOException {
    BlobStore.Stored stored = store.putComputing(in);
    synchronized (this) {
      downloadedBytes += stored.bytes();
      if (stored.added()) {
        added.add(stored.digest());
      }
    }
    return stored.digest();
  }

  synchronized long downloadedBytes() {
    return downloadedBytes;
  }

  /** Deletes new blobs the finished image does not use (archive members that are not layers). */
  synchronized void keepOnly(Set<String> used) {
    added.stream().filter(d -> !used.contains(d)).toList().forEach(this::drop);
  }

  synchronized void rollback() {
    added.forEach(this::drop);
  }

  private void drop(String digest) {
    try {
      store.delete(digest);
    } catch (IOException e) {
      LOG.warn("could not remove blob {} after a failed import: {}", digest, e.toString());
    }
  }
}
