package dev.ignite.adapters.qemu;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Picks free 127.0.0.1 ports for SSH forwards. A port is free for a moment only: between picking
 * and QEMU binding it, another process could pick it too. So picks are recorded in a lease file
 * under a file lock shared by every Ignite process, and a port leased in the last minute is not
 * handed out again.
 */
final class PortAllocator {
  private static final long LEASE_MILLIS = 60_000;
  private static final int ATTEMPTS = 50;

  private final Path leaseFile;

  PortAllocator(Path leaseFile) {
    this.leaseFile = leaseFile;
  }

  int allocate() throws IOException {
    Files.createDirectories(leaseFile.getParent());
    try (FileChannel channel =
            FileChannel.open(
                leaseFile,
                StandardOpenOption.CREATE,
                StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock = channel.lock()) {
      long now = System.currentTimeMillis();
      List<long[]> leases = readLeases(channel, now);
      for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
        int port = ephemeralPort();
        if (leases.stream().noneMatch(l -> l[0] == port)) {
          leases.add(new long[] {port, now});
          writeLeases(channel, leases);
          return port;
        }
      }
      throw new IOException("no free 127.0.0.1 port found after " + ATTEMPTS + " attempts");
    }
  }

  /** A port the kernel considers free right now. */
  private static int ephemeralPort() throws IOException {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      return socket.getLocalPort();
    }
  }

  private static List<long[]> readLeases(FileChannel channel, long now) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate((int) channel.size());
    channel.read(buffer, 0);
    String text = new String(buffer.array(), StandardCharsets.US_ASCII);
    List<long[]> leases = new ArrayList<>();
    for (String line : text.split("\n")) {
      String[] parts = line.trim().split(" ");
      if (parts.length == 2) {
        try {
          long[] lease = {Long.parseLong(parts[0]), Long.parseLong(parts[1])};
          if (now - lease[1] < LEASE_MILLIS) {
            leases.add(lease);
          }
        } catch (NumberFormatException ignored) {
          // a torn line from a crashed writer: the lease simply lapses
        }
      }
    }
    return leases;
  }

  /** Rewritten in place, not renamed: the lock belongs to this file's inode. */
  private static void writeLeases(FileChannel channel, List<long[]> leases) throws IOException {
    StringBuilder text = new StringBuilder();
    for (long[] l : leases) {
      text.append(l[0]).append(' ').append(l[1]).append('\n');
    }
    channel.truncate(0);
    ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.US_ASCII));
    while (bytes.hasRemaining()) {
      channel.write(bytes, channel.size());
    }
  }
}
