package dev.ignite.adapters.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Test helpers: sha256 of files, and a tree described path by path (type, mode, content). */
final class Checksums {
  private Checksums() {}

  static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Nested folders, an empty folder, an executable, a 1 MiB file and a relative symlink. */
  static Path sampleTree(Path root) throws IOException {
    Files.createDirectories(root.resolve("sub/deeper"));
    Files.createDirectories(root.resolve("empty"));
    Files.writeString(root.resolve("hello.txt"), "hello\n");
    byte[] big = new byte[1 << 20];
    new Random(7).nextBytes(big);
    Files.write(root.resolve("sub/deeper/big.bin"), big);
    Path script = root.resolve("sub/run.sh");
    Files.writeString(script, "#!/bin/sh\necho hi\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-x---"));
    Files.createSymbolicLink(root.resolve("link-to-hello"), Path.of("hello.txt"));
    return root;
  }

  static Map<String, String> describe(Path root) throws IOException {
    Map<String, String> d = new TreeMap<>();
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.toList()) {
        String rel = root.relativize(p).toString();
        if (Files.isSymbolicLink(p)) {
          d.put(rel, "link " + Files.readSymbolicLink(p));
        } else if (Files.isDirectory(p)) {
          d.put(rel, "dir " + mode(p));
        } else {
          d.put(rel, "file " + mode(p) + " " + sha256(p));
        }
      }
    }
    return d;
  }

  private static String mode(Path p) throws IOException {
    return PosixFilePermissions.toString(
        Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
  }
}
