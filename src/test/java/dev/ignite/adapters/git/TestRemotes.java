package dev.ignite.adapters.git;

import dev.ignite.adapters.git.GitRemote.Author;
import dev.ignite.ports.GitCommit;
import dev.ignite.ports.GitCommit.FileChange;
import dev.ignite.ports.GitRepository.ChangeSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** GitRemote settings and change sets for the adapter's tests. */
final class TestRemotes {
  static final Author DAEMON = new Author("ignited", "ignited@test-host");

  private TestRemotes() {}

  static GitRemote remote(String url, Path stateDir) {
    return GitRemote.of(url, Optional.empty(), stateDir)
        .withAuthor(DAEMON)
        .withIdentityFiles(List.of())
        .withKnownHosts(stateDir.resolve("no_known_hosts"));
  }

  static ChangeSet writes(String path, String content) {
    return checkout ->
        Optional.of(
            new GitCommit(
                "status of " + path,
                List.of(FileChange.write(path, content.getBytes(StandardCharsets.UTF_8)))));
  }
}
