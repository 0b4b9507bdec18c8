package dev.ignite.adapters.disk;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * debugfs on a disk a guest has used: what is on it besides the image is asked of the disk itself,
 * since a {@code mkdir} of a folder that is there leaves an orphaned inode behind.
 */
final class UsedDisk {
  private UsedDisk() {}

  /** Which of {@code folders} (guest paths) are on {@code disk}, as folders or anything else. */
  static Set<String> folders(Path debugfs, Path disk, Set<String> folders) throws IOException {
    if (folders.isEmpty()) {
      return Set.of();
    }
    StringBuilder input = new StringBuilder(DebugfsLine.of("open", disk.toString()));
    List<String> asked = folders.stream().sorted().toList();
    for (String f : asked) {
      input.append(DebugfsLine.of("stat", f));
    }
    String output = run(debugfs, input.toString()).output();
    Set<String> there = new HashSet<>();
    String current = null;
    for (String line : output.split("\n")) {
      if (line.startsWith("debugfs: stat ")) {
        current = line.substring("debugfs: stat ".length());
      } else if (current != null && line.startsWith("Inode:")) {
        there.add(unquoted(current));
        current = null;
      }
    }
    there.retainAll(folders);
    return there;
  }

  static Processes.Result run(Path debugfs, String input) throws IOException {
    try (Processes.Running running = Processes.startFed(List.of(debugfs.toString(), "-f", "-"))) {
      running.feed(input);
      return running.await();
    }
  }

  /** The echo shows the path as it was written to the script: quoted when DebugfsLine quoted it. */
  private static String unquoted(String word) {
    return word.length() >= 2 && word.charAt(0) == '"' && word.charAt(word.length() - 1) == '"'
        ? word.substring(1, word.length() - 1)
        : word;
  }
}
