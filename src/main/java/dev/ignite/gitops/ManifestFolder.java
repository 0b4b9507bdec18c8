package dev.ignite.gitops;

import dev.ignite.ports.GitException;
import dev.ignite.ports.GitRepository;
import dev.ignite.ports.GitRevision;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A local folder of VM files in the place of a repository: "pulling" it names its state by a hash
 * of its files' names, sizes and times; nothing is ever written to it.
 */
public final class ManifestFolder implements GitRepository {
  private final Path dir;

  public ManifestFolder(Path dir) {
    this.dir = dir;
  }

  @Override
  public Optional<GitRevision> pull() {
    try (Stream<Path> files = Files.walk(dir)) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      files
          .sorted()
          .forEach(f -> sha.update(describe(f).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      return Optional.of(new GitRevision(HexFormat.of().formatHex(sha.digest()), Instant.now()));
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new GitException(GitException.Reason.UNREACHABLE, "cannot read " + dir + ": " + e, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private String describe(Path f) {
    try {
      BasicFileAttributes a =
          Files.readAttributes(
              f, BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
      return dir.relativize(f) + "\0" + a.size() + "\0" + a.lastModifiedTime() + "\n";
    } catch (IOException e) {
      return dir.relativize(f) + "\0?\n";
    }
  }

  @Override
  public Path checkout() {
    return dir;
  }

  @Override
  public Optional<GitRevision> commitAndPush(ChangeSet changes) {
    return Optional.empty(); // a manifest folder is the operator's: only read
  }

  @Override
  public void close() {}
}
