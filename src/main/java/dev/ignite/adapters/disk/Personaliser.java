package dev.ignite.adapters.disk;

import dev.ignite.api.FileMapping;
import dev.ignite.ports.GuestHostKey;
import dev.ignite.ports.RootDisk;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Adds the VM's own files to the debugfs script; generated content is kept in scratch. */
record Personaliser(DebugfsScript script, Scratch scratch, Path imageTree) {
  private static final String OPENSSH_HOST_KEY = "/etc/ssh/ssh_host_ed25519_key";
  private static final String DROPBEAR_HOST_KEY = "/etc/dropbear/dropbear_ed25519_host_key";

  /** Returns where the host key was placed. */
  List<String> apply(RootDisk r) throws IOException {
    generated("/etc/hostname", r.hostname() + "\n", 0644);
    generated(
        "/etc/hosts",
        "127.0.0.1\tlocalhost\n127.0.1.1\t" + r.hostname() + "\n::1\tlocalhost\n",
        0644);
    if (r.authorizedKey().isPresent()) {
      script.directory("/root/.ssh", 0700);
      generated("/root/.ssh/authorized_keys", r.authorizedKey().get().strip() + "\n", 0600);
    }
    for (FileMapping f : r.copyFiles()) {
      script.copy(f);
    }
    if (r.kernelModules().isPresent()) {
      Path modules = r.kernelModules().get();
      script.tree(modules, "/lib/modules/" + modules.getFileName());
    }
    if (!r.mounts().isEmpty()) {
      StringBuilder fstab = new StringBuilder(existing("/etc/fstab"));
      if (fstab.length() > 0 && fstab.charAt(fstab.length() - 1) != '\n') {
        fstab.append('\n');
      }
      for (RootDisk.GuestMount m : r.mounts()) {
        script.directory(m.mountPath(), 0755);
        fstab.append(m.device()).append(' ').append(m.mountPath()).append(" auto defaults 0 2\n");
      }
      generated("/etc/fstab", fstab.toString(), 0644);
    }
    return r.hostKey().isPresent() ? hostKey(r.hostKey().get()) : List.of();
  }

  /**
   * The guest's host key, where each SSH server the image has reads it (its folder exists): after
   * copyFiles, so that a file copied there cannot replace the pinned key.
   */
  private List<String> hostKey(GuestHostKey key) throws IOException {
    List<String> placed = new ArrayList<>();
    if (imageHasFolder("/etc/ssh")) {
      script.file(OPENSSH_HOST_KEY, key.openSshPrivateKey(), 0600);
      generated(OPENSSH_HOST_KEY + ".pub", key.publicKey() + "\n", 0644);
      placed.add(OPENSSH_HOST_KEY);
    }
    if (imageHasFolder("/etc/dropbear")) {
      script.file(DROPBEAR_HOST_KEY, key.dropbearPrivateKey(), 0600);
      placed.add(DROPBEAR_HOST_KEY);
    }
    return placed;
  }

  private boolean imageHasFolder(String vmPath) throws IOException {
    return Files.isDirectory(GuestPath.resolve(imageTree, vmPath), LinkOption.NOFOLLOW_LINKS);
  }

  private void generated(String vmPath, String content, int mode) throws IOException {
    script.file(vmPath, scratch.write(content), mode);
  }

  /** The image's own file, read through guest-style path resolution; empty if none. */
  private String existing(String vmPath) throws IOException {
    Path path = GuestPath.resolve(imageTree, vmPath);
    return Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)
        ? Files.readString(path, StandardCharsets.UTF_8)
        : "";
  }
}
