package dev.ignite.gitops;

import dev.ignite.api.codec.DocumentRemoval;
import dev.ignite.ports.GitCommit;
import dev.ignite.ports.GitCommit.FileChange;
import dev.ignite.ports.GitRepository;
import dev.ignite.ports.LocalChanges;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one commit of a sync: the commands users ran by hand on managed VMs ({@code ignite stop}
 * flips {@code running}, {@code ignite rm} takes the VM's document out of its file, and deletes a
 * file left empty), then every VM's observed status.
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
    Map<String, String> edited = new HashMap<>();
    for (LocalChanges.Change c : local) {
      if (c.kind() == LocalChanges.Kind.REMOVED) {
        Optional<String> text = FileDocuments.text(checkout, c.file());
        Optional<String> rest =
            text.map(t -> edited.getOrDefault(c.file(), t))
                .flatMap(t -> DocumentRemoval.without(t, c.vmName()));
        if (rest.isEmpty()) {
          LOG.warn(
              "VM {} was removed on this host, but its document in {} could not be told apart"
                  + " from the rest of the file: remove it from the file in Git by hand",
              c.vmName(),
              c.file());
        } else if (DocumentRemoval.holdsNothing(rest.get())) {
          edited.remove(c.file());
          changes.add(FileChange.delete(c.file()));
          removedFiles.add(c.file());
        } else {
          edited.put(c.file(), rest.get());
        }
      }
    }
    Optional<GitCommit> statusCommit = status.on(checkout, edited);
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
