package dev.ignite.adapters.oci.registry;

import java.time.Duration;

/**
 * How long a blob's download may take in all: {@code floor} plus its size at {@code
 * minBytesPerSecond}, so a registry that trickles bytes cannot hold an import forever; and how long
 * it may go without a byte ({@code idle}).
 */
public record BlobDeadline(Duration floor, long minBytesPerSecond, Duration idle) {
  /** 5 minutes plus 10 s per MiB (100 KiB/s); a minute without a byte. */
  public static final BlobDeadline DEFAULT =
      new BlobDeadline(Duration.ofMinutes(5), 100 << 10, Duration.ofMinutes(1));

  Duration forSize(long size) {
    return floor.plusSeconds(Math.max(size, 0) / minBytesPerSecond);
  }
}
