package dev.ignite.adapters.ssh;

import dev.ignite.ports.GuestShell.CopyMethod;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClient.Attributes;
import org.apache.sshd.sftp.client.SftpClient.DirEntry;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Copies trees over SFTP: files, folders with their modes, and symlinks as symlinks. */
final class SftpTransfer implements Transfer {
  private static final Logger LOG = LoggerFactory.getLogger(SftpTransfer.class);

  private final SftpClient sftp;

  SftpTransfer(SftpClient sftp) {
    this.sftp = sftp;
  }

  @Override
  public CopyMethod method() {
    return CopyMethod.SFTP;
  }

  @Override
  public void close() throws IOException {
    sftp.close();
  }

  @Override
  public void copyIn(Path local, String name, String guestPath) throws IOException {
    String target = GuestPaths.clean(guestPath);
    if (isDirectory(target)) {
      target = GuestPaths.child(target, name);
    }
    String root = target;
    Files.walkFileTree(
        local,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            String remote = remotePath(root, local, dir);
            if (!isDirectory(remote)) {
              sftp.mkdir(remote);
            }
            setMode(remote, dir);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            sendOne(file, attrs, remotePath(root, local, file));
            return FileVisitResult.CONTINUE;
          }
        });
  }

  private void sendOne(Path file, BasicFileAttributes attrs, String remote) throws IOException {
    if (attrs.isSymbolicLink()) {
      sftp.symLink(remote, Files.readSymbolicLink(file).toString());
    } else if (attrs.isRegularFile()) {
      try (InputStream in = Files.newInputStream(file);
          OutputStream out = sftp.write(remote)) {
        in.transferTo(out);
      }
      setMode(remote, file);
    } else {
      LOG.warn("skipped {}: only files, folders and symlinks are copied", file);
    }
  }

  @Override
  public void copyOut(String guestPath, LocalTree tree) throws IOException {
    String source = GuestPaths.clean(guestPath);
    // the item asked for is followed if it is a link (/etc/resolv.conf); links below it are not
    Attributes attrs = sftp.stat(source);
    receive(source, attrs, "", tree);
  }

  private void receive(String remote, Attributes attrs, String relative, LocalTree tree)
      throws IOException {
    if (attrs.isDirectory()) {
      tree.directory(relative, GuestPaths.permissions(attrs.getPermissions()));
      for (DirEntry entry : sftp.readDir(remote)) {
        String name = entry.getFilename();
        if (!name.equals(".") && !name.equals("..") && !name.contains("/")) {
          receive(
              GuestPaths.child(remote, name), entry.getAttributes(), relative + "/" + name, tree);
        }
      }
    } else if (attrs.isSymbolicLink()) {
      tree.symlink(relative, sftp.readLink(remote));
    } else if (attrs.isRegularFile()) {
      try (InputStream in = sftp.read(remote)) {
        tree.file(relative, in, GuestPaths.permissions(attrs.getPermissions()));
      }
    } else {
      LOG.warn("skipped guest {}: only files, folders and symlinks are copied", remote);
    }
  }

  boolean isDirectory(String remote) throws IOException {
    try {
      return sftp.stat(remote).isDirectory();
    } catch (SftpException e) {
      if (e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_FILE) {
        return false;
      }
      throw e;
    }
  }

  private void setMode(String remote, Path local) throws IOException {
    int mode = GuestPaths.mode(Files.getPosixFilePermissions(local, LinkOption.NOFOLLOW_LINKS));
    sftp.setStat(remote, new Attributes().perms(mode));
  }

  private static String remotePath(String root, Path localRoot, Path p) {
    Path rel = localRoot.relativize(p);
    String r = root;
    for (Path part : rel) {
      if (!part.toString().isEmpty()) {
        r = GuestPaths.child(r, part.toString());
      }
    }
    return r;
  }
}
