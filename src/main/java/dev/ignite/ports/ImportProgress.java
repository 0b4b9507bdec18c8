package dev.ignite.ports;

/** Receives per-layer progress of an import, so the CLI decides how to show it. */
@FunctionalInterface
public interface ImportProgress {
  ImportProgress NONE = (digest, done, total) -> {};

  /**
   * @param digest the blob being fetched or copied
   * @param bytesDone bytes stored so far
   * @param bytesTotal the blob's size, or -1 when unknown
   */
  void onBlob(String digest, long bytesDone, long bytesTotal);
}
