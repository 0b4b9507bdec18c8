package dev.ignite.cli;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One side of {@code ignite cp}: {@code VM:path} in a guest, or a local path. A colon alone does
 * not make a guest path: local paths may hold colons too, so a path that starts with {@code /},
 * {@code .} or {@code ~}, has a slash before its first colon, or is a Windows drive ({@code C:\x},
 * {@code C:/x}) stays local. Write {@code ./a:b} for a local file whose name looks like {@code
 * VM:path}.
 */
record CopyEndpoint(Optional<String> vm, String path) {
  /** A VM name (DNS-1123) or uid prefix (uids read from files may hold uppercase letters). */
  private static final Pattern VM_REF = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]*");

  private static final Pattern WINDOWS_DRIVE = Pattern.compile("([A-Za-z]:\\\\|[A-Z]:/).*");

  static CopyEndpoint parse(String arg) {
    if (arg == null || arg.isEmpty()) {
      throw new CliException("an empty path was given to cp");
    }
    int colon = arg.indexOf(':');
    if (colon <= 0 || looksLocal(arg) || !VM_REF.matcher(arg.substring(0, colon)).matches()) {
      return new CopyEndpoint(Optional.empty(), arg);
    }
    String guestPath = arg.substring(colon + 1);
    if (guestPath.isEmpty()) {
      throw new CliException("" + arg + " names no guest path: write " + arg + "/root/file, say");
    }
    return new CopyEndpoint(Optional.of(arg.substring(0, colon)), guestPath);
  }

  private static boolean looksLocal(String arg) {
    char first = arg.charAt(0);
    return first == '/' || first == '.' || first == '~' || WINDOWS_DRIVE.matcher(arg).matches();
  }

  boolean inGuest() {
    return vm.isPresent();
  }
}
