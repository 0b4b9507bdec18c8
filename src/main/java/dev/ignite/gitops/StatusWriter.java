package dev.ignite.gitops;

import dev.ignite.api.VmStatus;
import dev.ignite.api.codec.ManifestEncoder;
import dev.ignite.api.codec.ManifestException;
import dev.ignite.api.codec.StatusPatcher;
import dev.ignite.api.codec.VmDocuments;
import dev.ignite.ports.GitCommit;
import dev.ignite.ports.GitCommit.FileChange;
import dev.ignite.ports.GitRepository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The status commit of one sync: each VM's observed status patched into its own file (only the
 * status block, and a missing uid), computed afresh on whatever checkout it is given, so that a
 * push retried on a newer head re-derives it there instead of merging.
 */
final class StatusWriter implements GitRepository.ChangeSet {
  private static final Logger LOG = LoggerFactory.getLogger(StatusWriter.class);

  /** One VM's status for its file. */
  record Entry(
      String file, String name, String apiVersion, VmStatus status, Optional<String> uid) {}

  private final List<Entry> entries;
  private final String host;

  StatusWriter(List<Entry> entries, String host) {
    this.entries = List.copyOf(entries);
    this.host = host;
  }

  @Override
  public Optional<GitCommit> on(Path checkout) {
    return on(checkout, Map.of());
  }

  /**
   * The same, on files some of which were already edited in this commit ({@code edited}: their new
   * text by path); an edited file is written even when no status in it changed.
   */
  Optional<GitCommit> on(Path checkout, Map<String, String> edited) {
    Map<String, List<Entry>> byFile = new LinkedHashMap<>();
    edited.keySet().forEach(f -> byFile.put(f, new ArrayList<>()));
    for (Entry e : entries) {
      byFile.computeIfAbsent(e.file(), f -> new ArrayList<>()).add(e);
    }
    List<FileChange> changes = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Map.Entry<String, List<Entry>> f : byFile.entrySet()) {
      patchFile(
              checkout,
              f.getKey(),
              Optional.ofNullable(edited.get(f.getKey())),
              f.getValue(),
              names)
          .ifPresent(changes::add);
    }
    if (changes.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new GitCommit(message(names), changes));
  }

  private Optional<FileChange> patchFile(
      Path checkout,
      String file,
      Optional<String> edited,
      List<Entry> vms,
      List<String> changedNames) {
    Path path = checkout.resolve(file);
    if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty(); // gone or replaced on a newer head: nothing to report there
    }
    String before;
    try {
      before = Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      LOG.warn("{}: cannot read it to write status: {}", file, e.getMessage());
      return Optional.empty();
    }
    String text = edited.orElse(before);
    Map<String, VmDocuments.VmDocument> docs = new LinkedHashMap<>();
    VmDocuments.of(text).forEach(d -> docs.put(d.name(), d));
    for (Entry e : vms) {
      VmDocuments.VmDocument doc = docs.get(e.name());
      if (doc == null) {
        continue;
      }
      Map<String, Object> tree =
          ManifestEncoder.statusTree(keepTransitionTime(e.status(), doc), e.apiVersion());
      try {
        String patched = StatusPatcher.patch(text, e.name(), tree, e.uid());
        if (!patched.equals(text)) {
          changedNames.add(e.name());
          text = patched;
        }
      } catch (IllegalArgumentException | ManifestException ex) {
        LOG.warn("{}: cannot write the status of VM {}: {}", file, e.name(), ex.getMessage());
      }
    }
    return text.equals(before)
        ? Optional.empty()
        : Optional.of(FileChange.write(file, text.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * A Ready condition that says what the file already says keeps the file's transition time, so an
   * unchanged state writes nothing (no churn, no commit loop), also after a daemon restart.
   */
  private static VmStatus keepTransitionTime(VmStatus status, VmDocuments.VmDocument doc) {
    Map<String, String> old = doc.ready();
    if (old.isEmpty() || old.get("lastTransitionTime") == null) {
      return status;
    }
    Instant since;
    try {
      since = Instant.parse(old.get("lastTransitionTime"));
    } catch (DateTimeParseException e) {
      return status;
    }
    return status.withConditions(
        status.conditions().stream()
            .map(
                c ->
                    c.type().equals(ObservedStatus.READY) && c.status().equals(old.get("status"))
                        ? new dev.ignite.api.Condition(
                            c.type(), c.status(), c.reason(), c.message(), since)
                        : c)
            .toList());
  }

  private String message(List<String> names) {
    String which =
        names.size() <= 5
            ? String.join(", ", names)
            : String.join(", ", names.subList(0, 5)) + " and " + (names.size() - 5) + " more";
    return "Status of " + which + " on " + host + "\n\nWritten by ignited on " + host + ".";
  }
}
