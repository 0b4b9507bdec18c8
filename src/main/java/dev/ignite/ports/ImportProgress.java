package dev.ignite.ports;

/**
 * Receives per-layer progress of an import and of an unpack, so the CLI decides how to show it.
 * Layers of one import may download side by side: calls for different digests can come from
 * different threads at once.
 */
@FunctionalInterface
public interface ImportProgress {
  /**
   * Reports nothing. A class, not a lambda: the first lambda a fresh JVM runs costs ~4 ms, and an
   * import in a CLI process is timed from JVM start.
   */
  ImportProgress NONE =
      new ImportProgress() {
        @Override
        public void onBlob(String digest, long bytesDone, long bytesTotal) {}
      };

  /**
   * @param digest the blob being fetched or copied
   * @param bytesDone bytes stored so far
   * @param bytesTotal the blob's size, or -1 when unknown
   */
  void onBlob(String digest, long bytesDone, long bytesTotal);

  /**
   * @param layerDigest the layer being applied
   * @param bytesDone bytes of the stored (compressed) layer read so far
   * @param bytesTotal the stored layer's size
   */
  default void onUnpack(String layerDigest, long bytesDone, long bytesTotal) {}
}
