package dev.ignite.ports;

import java.util.List;
import java.util.Optional;

/**
 * A commit to make: a message and the files it writes or deletes, paths relative to the checkout
 * (forward slashes, never absolute, never {@code ..}).
 */
public record GitCommit(String message, List<FileChange> changes) {
  public GitCommit {
    changes = List.copyOf(changes);
  }

  /** A file's new bytes, or its deletion when {@code content} is empty. */
  public record FileChange(String path, Optional<byte[]> content) {
    public static FileChange write(String path, byte[] content) {
      return new FileChange(path, Optional.of(content));
    }

    public static FileChange delete(String path) {
      return new FileChange(path, Optional.empty());
    }
  }
}
