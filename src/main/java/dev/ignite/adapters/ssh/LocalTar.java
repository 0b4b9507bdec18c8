package dev.ignite.adapters.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams a local file or folder as a tar archive whose top entry carries the name the copy will
 * have in the guest. GNU long names and base-256 sizes are used: busybox tar reads both.
 */
final class LocalTar {
  private static final Logger LOG = LoggerFactory.getLogger(LocalTar.class);

  private LocalTar() {}

  static void write(Path local, String topName, OutputStream out) throws IOException {
    TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_GNU);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_STAR);
    Files.walkFileTree(
        local,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            add(tar, dir, entryName(local, dir, topName) + "/", attrs);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            add(tar, file, entryName(local, file, topName), attrs);
            return FileVisitResult.CONTINUE;
          }
        });
    tar.finish();
    tar.flush();
  }

  private static void add(
      TarArchiveOutputStream tar, Path p, String name, BasicFileAttributes attrs)
      throws IOException {
    TarArchiveEntry entry;
    if (attrs.isSymbolicLink()) {
      entry = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
      entry.setLinkName(Files.readSymbolicLink(p).toString());
    } else if (attrs.isDirectory() || attrs.isRegularFile()) {
      entry = new TarArchiveEntry(name);
      entry.setSize(attrs.isRegularFile() ? attrs.size() : 0);
    } else {
      LOG.warn("skipped {}: only files, folders and symlinks are copied", p);
      return;
    }
    // files placed in a guest belong to its root, whoever owns them here
    entry.setIds(0, 0);
    entry.setNames("root", "root");
    entry.setModTime(attrs.lastModifiedTime());
    if (!attrs.isSymbolicLink()) {
      entry.setMode(
          (attrs.isDirectory() ? 040000 : 0100000)
              | GuestPaths.mode(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS)));
    }
    tar.putArchiveEntry(entry);
    if (attrs.isRegularFile()) {
      try (InputStream in = Files.newInputStream(p)) {
        in.transferTo(tar);
      }
    }
    tar.closeArchiveEntry();
  }

  private static String entryName(Path root, Path p, String topName) {
    StringBuilder name = new StringBuilder(topName);
    for (Path part : root.relativize(p)) {
      if (!part.toString().isEmpty()) {
        name.append('/').append(part);
      }
    }
    return name.toString();
  }
}
