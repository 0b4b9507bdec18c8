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
 * import can take back exactly what it added and leave the cache as it found it.
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
    downloadedBytes += store.put(digest, size, in, progress, origin);
    if (!existed) {
      added.add(digest);
    }
  }

  String putComputing(InputStream in) throws IOException {
    BlobStore.Stored stored = store.putComputing(in);
    downloadedBytes += stored.bytes();
    if (stored.added()) {
      added.add(stored.digest());
    }
    return stored.digest();
  }

  long downloadedBytes() {
    return downloadedBytes;
  }

  /** Deletes new blobs the finished image does not use (archive members that are not layers). */
  void keepOnly(Set<String> used) {
    added.stream().filter(d -> !used.contains(d)).toList().forEach(this::drop);
  }

  void rollback() {
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
