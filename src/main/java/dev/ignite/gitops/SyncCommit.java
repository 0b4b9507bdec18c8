package dev.ignite.gitops;

import dev.ignite.ports.GitCommit;
import dev.ignite.ports.GitCommit.FileChange;
import dev.ignite.ports.GitRepository;
import dev.ignite.ports.LocalChanges;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one commit of a sync: the commands users ran by hand on managed VMs ({@code ignite stop}
 * flips {@code running}, {@code ignite rm} deletes the VM's file), then every VM's observed status.
 */
final class SyncCommit implements GitRepository.ChangeSet {
  private static final Logger LOG = LoggerFactory.getLogger(SyncCommit.class);

  private final List<LocalChanges.Change> local;
  private final StatusWriter status;
  private final String host;

  SyncCommit(List<LocalChanges.Change> local, StatusWriter status, String host) {
    this.local = List.copyOf(local);
    this.status = status;
    this.host = host;
  }

  @Override
  public Optional<GitCommit> on(Path checkout) {
    List<FileChange> changes = new ArrayList<>();
    List<String> removedFiles = new ArrayList<>();
    for (LocalChanges.Change c : local) {
      if (c.kind() == LocalChanges.Kind.REMOVED) {
        if (FileDocuments.of(checkout, c.file()).size() == 1) {
          changes.add(FileChange.delete(c.file()));
          removedFiles.add(c.file());
        } else {
          LOG.warn(
              "VM {} was removed on this host, but {} declares other VMs too: remove its"
                  + " document from the file in Git by hand",
              c.vmName(),
              c.file());
        }
      }
    }
    Optional<GitCommit> statusCommit = status.on(checkout);
    statusCommit.ifPresent(
        s ->
            s.changes().stream()
                .filter(f -> !removedFiles.contains(f.path()))
                .forEach(changes::add));
    if (changes.isEmpty()) {
      return Optional.empty();
    }
    String message =
        local.isEmpty()
            ? statusCommit.map(GitCommit::message).orElse("Status on " + host)
            : localMessage() + statusCommit.map(s -> "\n\n" + s.message()).orElse("");
    return Optional.of(new GitCommit(message, changes));
  }

  private String localMessage() {
    List<String> lines = new ArrayList<>();
    for (LocalChanges.Change c : local) {
      lines.add(c.command() + " on " + c.host());
    }
    return String.join("; ", lines);
  }
}
