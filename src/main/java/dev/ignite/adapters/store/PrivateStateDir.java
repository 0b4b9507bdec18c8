package dev.ignite.adapters.store;

import dev.ignite.ports.StoreException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * The state dir is its owner's alone (0700). It holds unpacked images, which keep their setuid
 * files and device nodes, VM disks and keys: a local user who could enter it could run an image's
 * setuid-root program, open its devices or read a guest's secrets. One private folder keeps all of
 * that out of reach, whatever the umask was when something inside was made. A folder owned by
 * another user, or shared like /tmp, is refused: its owner (or anyone) could swap what ignite
 * writes there as root.
 */
final class PrivateStateDir {
  private static final int STICKY = 01000;
  private static final Path SELF = Path.of("/proc/self");
  private static final Set<PosixFilePermission> OWNER_ONLY =
      EnumSet.of(
          PosixFilePermission.OWNER_READ,
          PosixFilePermission.OWNER_WRITE,
          PosixFilePermission.OWNER_EXECUTE);

  private PrivateStateDir() {}

  private static StoreException refused(Path dir, String why) {
    return new StoreException(
        "cannot use state dir " + dir + ": " + why + "; give ignite a folder of its own", null);
  }

  /**
   * Creates {@code dir} 0700 if missing, tightens it to 0700 if looser, refuses it if shared. One
   * stat on the common path: it runs at the start of every command (the "unix:" attribute views
   * cost a fresh JVM about a millisecond each, so they are read only for a folder open to all).
   */
  static void ensure(Path dir) throws IOException {
    PosixFileAttributes a;
    try {
      a = Files.readAttributes(dir, PosixFileAttributes.class);
    } catch (NoSuchFileException e) {
      create(dir);
      a = Files.readAttributes(dir, PosixFileAttributes.class);
    }
    String owner = a.owner().getName();
    String me = System.getProperty("user.name");
    // names are compared first (no extra stat); a uid without a name is compared by number
    if (!owner.equals(me) && !sameUid(dir)) {
      throw refused(dir, "it is owned by " + owner + ", not by " + me);
    }
    Set<PosixFilePermission> mode = a.permissions();
    if (mode.contains(PosixFilePermission.OTHERS_WRITE)
        && ((Integer) Files.getAttribute(dir, "unix:mode") & STICKY) != 0) {
      throw refused(
          dir,
          "it is shared with other users (sticky and writable by all, like /tmp or a fresh"
              + " tmpfs: chmod 700 it if it is yours alone)");
    }
    if (!OWNER_ONLY.containsAll(mode)) {
      Set<PosixFilePermission> tightened = EnumSet.copyOf(mode);
      tightened.retainAll(OWNER_ONLY);
      Files.setPosixFilePermissions(dir, tightened);
    }
  }

  private static boolean sameUid(Path dir) throws IOException {
    return Files.getAttribute(dir, "unix:uid").equals(Files.getAttribute(SELF, "unix:uid"));
  }

  private static void create(Path dir) throws IOException {
    Path parent = dir.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try {
      Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    } catch (FileAlreadyExistsException raced) {
      // made by another process meanwhile: checked like any existing folder
    }
  }
}
