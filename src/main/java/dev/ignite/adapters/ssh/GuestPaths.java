package dev.ignite.adapters.ssh;

import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/** Guest paths are POSIX strings whatever the host is; modes travel as the low nine bits. */
final class GuestPaths {
  private static final PosixFilePermission[] BITS = {
    PosixFilePermission.OTHERS_EXECUTE,
    PosixFilePermission.OTHERS_WRITE,
    PosixFilePermission.OTHERS_READ,
    PosixFilePermission.GROUP_EXECUTE,
    PosixFilePermission.GROUP_WRITE,
    PosixFilePermission.GROUP_READ,
    PosixFilePermission.OWNER_EXECUTE,
    PosixFilePermission.OWNER_WRITE,
    PosixFilePermission.OWNER_READ
  };

  private GuestPaths() {}

  /** Drops trailing slashes, keeping "/" itself; an empty path is refused. */
  static String clean(String path) {
    if (path == null || path.isEmpty()) {
      throw new IllegalArgumentException("the guest path is empty");
    }
    String p = path;
    while (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }

  static String parent(String path) {
    String p = clean(path);
    int slash = p.lastIndexOf('/');
    if (slash < 0) {
      return ".";
    }
    return slash == 0 ? "/" : p.substring(0, slash);
  }

  static String name(String path) {
    String p = clean(path);
    return p.equals("/") ? "." : p.substring(p.lastIndexOf('/') + 1);
  }

  static String child(String dir, String name) {
    String d = clean(dir);
    return d.endsWith("/") ? d + name : d + "/" + name;
  }

  static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
    for (int i = 0; i < BITS.length; i++) {
      if ((mode & (1 << i)) != 0) {
        set.add(BITS[i]);
      }
    }
    return set;
  }

  static int mode(Set<PosixFilePermission> permissions) {
    int mode = 0;
    for (int i = 0; i < BITS.length; i++) {
      if (permissions.contains(BITS[i])) {
        mode |= 1 << i;
      }
    }
    return mode;
  }
}
