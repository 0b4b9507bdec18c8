package dev.ignite.gitops;

import dev.ignite.ports.GitCommit;
import dev.ignite.ports.GitException;
import dev.ignite.ports.GitRepository;
import dev.ignite.ports.GitRevision;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A "repository" that is a folder: commits are recorded, not made; the sync's logic alone. */
final class FolderRepository implements GitRepository {
  final Path dir;
  final List<GitCommit> commits = new ArrayList<>();
  boolean unreachable;
  int revision = 1;

  FolderRepository(Path dir) {
    this.dir = dir;
  }

  void write(String file, String text) throws IOException {
    Files.createDirectories(dir.resolve(file).getParent());
    Files.writeString(dir.resolve(file), text);
    revision++;
  }

  String read(String file) throws IOException {
    return Files.readString(dir.resolve(file));
  }

  @Override
  public Optional<GitRevision> pull() {
    if (unreachable) {
      throw new GitException(GitException.Reason.UNREACHABLE, "cannot reach ssh://example/vms.git");
    }
    return Optional.of(new GitRevision(String.format("%040d", revision), Instant.EPOCH));
  }

  @Override
  public Path checkout() {
    return dir;
  }

  @Override
  public Optional<GitRevision> commitAndPush(ChangeSet changes) {
    Optional<GitCommit> commit = changes.on(dir);
    if (commit.isEmpty()) {
      return Optional.empty();
    }
    for (GitCommit.FileChange c : commit.get().changes()) {
      try {
        if (c.content().isPresent()) {
          Files.write(dir.resolve(c.path()), c.content().get());
        } else {
          Files.delete(dir.resolve(c.path()));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    commits.add(commit.get());
    revision++;
    return Optional.of(new GitRevision(String.format("%040d", revision), Instant.EPOCH));
  }

  @Override
  public void close() {}
}
