package dev.ignite.adapters.oci.manifest;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Our JNI libraries: {@code native/} beside the jar, or beside {@code classes/} in a build tree.
 */
public final class NativeLibraries {
  private NativeLibraries() {}

  public static Path path(String file) {
    try {
      Path code =
          Path.of(
              NativeLibraries.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return code.getParent().resolve("native").resolve(file);
    } catch (Exception e) {
      return Path.of(file);
    }
  }

  /** False when the library is missing or does not link (its own dependency is not installed). */
  public static boolean load(String file) {
    Path library = path(file);
    if (!Files.isRegularFile(library)) {
      return false;
    }
    try {
      System.load(library.toString());
      return true;
    } catch (UnsatisfiedLinkError e) {
      return false;
    }
  }
}
