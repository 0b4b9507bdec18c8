package dev.ignite.adapters.oci.cache;

import dev.ignite.adapters.oci.manifest.Digests;
import dev.ignite.ports.ImageException;
import dev.ignite.ports.ImportProgress;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;

/**
 * Content-addressed blobs under {@code blobs/sha256/<hex>}. A blob appears under its name only
 * after its bytes were hashed and matched, so a crash or a bad download never leaves a wrong file.
 */
public final class BlobStore {
  private static final int BUFFER = 1 << 16;
  private final Path dir;

  public BlobStore(Path cacheDir) {
    this.dir = cacheDir.resolve("blobs").resolve("sha256");
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create image cache " + cacheDir, e);
    }
  }

  public Path path(String digest) {
    return dir.resolve(Digests.hex(digest));
  }

  boolean has(String digest) {
    return Files.isRegularFile(path(digest));
  }

  /**
   * Stores a blob whose digest is known, verifying it while streaming, readable meanwhile through
   * {@code live}; the part file lands in {@code partDir} first. Returns the bytes read.
   */
  long put(
      Path partDir,
      String digest,
      long size,
      InputStream in,
      ImportProgress progress,
      String origin,
      LiveBlob live)
      throws IOException {
    Path target = path(digest);
    Path part = Files.createTempFile(partDir, Digests.hex(digest) + ".", ".part");
    live.landing(part);
    boolean stored = false;
    try {
      MessageDigest sha = Digests.sha256();
      long n = copy(in, part, sha, digest, size, progress, live);
      if (size >= 0 && n > size) {
        throw new ImageException(
            "blob "
                + digest
                + " from "
                + origin
                + " is larger than the "
                + size
                + " bytes its descriptor gives; nothing was kept");
      }
      String actual = Digests.of(sha);
      if (!actual.equals(digest)) {
        throw new ImageException(
            "digest mismatch for blob "
                + digest
                + " from "
                + origin
                + ": content hashes to "
                + actual
                + "; nothing was kept, retry or check the source");
      }
      if (size >= 0 && n != size) {
        throw new ImageException(
            "blob " + digest + " from " + origin + " is " + n + " bytes, manifest says " + size);
      }
      Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      live.stored(target, n);
      stored = true;
      return n;
    } finally {
      if (!stored) {
        live.fail("its download stopped");
      }
      Files.deleteIfExists(part);
    }
  }

  record Stored(String digest, long bytes, boolean added) {}

  /** Stores a blob of unknown digest (a rootfs tarball, a generated config). */
  Stored putComputing(Path partDir, InputStream in) throws IOException {
    Path part = Files.createTempFile(partDir, "new.", ".part");
    try {
      MessageDigest sha = Digests.sha256();
      long n = copy(in, part, sha, "new blob", -1, ImportProgress.NONE, null);
      String digest = Digests.of(sha);
      if (has(digest)) {
        return new Stored(digest, n, false);
      }
      Files.move(part, path(digest), StandardCopyOption.ATOMIC_MOVE);
      return new Stored(digest, n, true);
    } finally {
      Files.deleteIfExists(part);
    }
  }

  public long size(String digest) {
    try {
      return Files.size(path(digest));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void delete(String digest) throws IOException {
    Files.deleteIfExists(path(digest));
  }

  private static long copy(
      InputStream in,
      Path part,
      MessageDigest sha,
      String digest,
      long size,
      ImportProgress progress,
      LiveBlob live) // told of each write, or null when nobody reads the part file meanwhile
      throws IOException {
    byte[] buf = new byte[BUFFER];
    long done = 0;
    long limit = size >= 0 ? size + 1 : Long.MAX_VALUE; // one byte more shows a blob too long
    try (OutputStream out = Files.newOutputStream(part)) {
      for (int r;
          done < limit && (r = in.read(buf, 0, (int) Math.min(buf.length, limit - done))) > 0; ) {
        out.write(buf, 0, r); // unbuffered: a reader of the part file sees it at once
        if (live != null) {
          live.wrote(done + r);
        }
        sha.update(buf, 0, r);
        done += r;
        progress.onBlob(digest, done, size);
      }
    }
    return done;
  }
}
