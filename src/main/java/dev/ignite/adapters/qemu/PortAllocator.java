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
import java.util.concurrent.ThreadLocalRandom;

/**
 * Picks free 127.0.0.1 ports for SSH forwards. A port is free for a moment only: between picking
 * and QEMU binding it, another process could pick it too. So picks are recorded in a lease file
 * under a file lock shared by every Ignite process, and a port leased in the last minute is not
 * handed out again. Ports come from below the kernel's ephemeral range: one inside it could be
 * taken meanwhile as the source port of any outgoing connection on the host (seen in CI).
 */
final class PortAllocator {
  private static final long LEASE_MILLIS = 60_000;
  private static final int ATTEMPTS = 50;
  private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");

  /** How many ports below the ephemeral range are ours to pick from: 20000-32767 by default. */
  static final int SPAN = 12_768;

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
      int high = ephemeralLow();
      int low = Math.max(1024, high - SPAN);
      for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
        int port = ThreadLocalRandom.current().nextInt(low, high);
        if (isFree(port) && leases.stream().noneMatch(l -> l[0] == port)) {
          leases.add(new long[] {port, now});
          writeLeases(channel, leases);
          return port;
        }
      }
      throw new IOException("no free 127.0.0.1 port found after " + ATTEMPTS + " attempts");
    }
  }

  /** The first port the kernel hands out on its own (32768 unless the host changed it). */
  static int ephemeralLow() {
    try {
      String[] range = Files.readString(EPHEMERAL_RANGE).trim().split("\\s+");
      int low = Integer.parseInt(range[0]);
      return low > 1024 + 1000 ? low : 32768;
    } catch (IOException | RuntimeException e) {
      return 32768;
    }
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return true;
    } catch (IOException e) {
      return false;
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
