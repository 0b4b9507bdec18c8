package dev.ignite.adapters.store;

import dev.ignite.api.Uid;
import dev.ignite.ports.LocalChanges;
import dev.ignite.ports.StoreException;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;

/**
 * Local changes as one small properties file each under {@code <state>/gitops/changes/}, written
 * atomically like every other state file, so a change survives until the daemon has pushed it.
 */
public final class FileLocalChanges implements LocalChanges {
  private final Path dir;

  public FileLocalChanges(Path stateDir) {
    this.dir = stateDir.resolve("gitops").resolve("changes");
  }

  @Override
  public void record(Change c) {
    Properties p = new Properties();
    p.setProperty("repository", c.repository());
    p.setProperty("file", c.file());
    p.setProperty("vmName", c.vmName());
    p.setProperty("uid", c.uid().value());
    p.setProperty("kind", c.kind().name());
    p.setProperty("command", c.command());
    p.setProperty("host", c.host());
    p.setProperty("at", c.at().toString());
    StringWriter text = new StringWriter();
    try {
      p.store(text, null);
      Files.createDirectories(dir);
      AtomicFiles.write(dir.resolve(c.id() + ".properties"), text.toString());
    } catch (IOException e) {
      throw new StoreException("cannot record the change to VM " + c.vmName() + ": " + e, e);
    }
  }

  @Override
  public void declareDaemon(String repository, boolean readOnly) {
    Path marker = readOnlyMarker(repository);
    try {
      if (readOnly) {
        Files.createDirectories(marker.getParent());
        AtomicFiles.write(marker, repository + "\n");
      } else {
        Files.deleteIfExists(marker);
      }
    } catch (IOException e) {
      throw new StoreException("cannot record the daemon's mode: " + e, e);
    }
  }

  @Override
  public boolean readOnly(String repository) {
    return Files.exists(readOnlyMarker(repository), LinkOption.NOFOLLOW_LINKS);
  }

  private static String hex(String s) {
    try {
      byte[] d =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(s.getBytes(StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(d, 0, 16);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private Path readOnlyMarker(String repository) {
    return dir.resolveSibling("read-only").resolve(hex(repository));
  }

  @Override
  public List<Change> pending(String repository) {
    List<Change> out = new ArrayList<>();
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return out;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.properties")) {
      for (Path f : files) {
        Change c = read(f);
        if (c != null && c.repository().equals(repository)) {
          out.add(c);
        }
      }
    } catch (IOException e) {
      throw new StoreException("cannot list " + dir + ": " + e, e);
    }
    out.sort(Comparator.comparing(Change::at).thenComparing(Change::id));
    return out;
  }

  @Override
  public void done(List<Change> changes) {
    for (Change c : changes) {
      try {
        Files.deleteIfExists(dir.resolve(c.id() + ".properties"));
      } catch (IOException e) {
        throw new StoreException("cannot forget change " + c.id() + ": " + e, e);
      }
    }
  }

  private static Change read(Path f) {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
      p.load(r);
      String name = f.getFileName().toString();
      return new Change(
          name.substring(0, name.length() - ".properties".length()),
          p.getProperty("repository"),
          p.getProperty("file"),
          p.getProperty("vmName"),
          new Uid(p.getProperty("uid")),
          Kind.valueOf(p.getProperty("kind")),
          p.getProperty("command"),
          p.getProperty("host"),
          Instant.parse(p.getProperty("at")));
    } catch (IOException | RuntimeException e) {
      org.slf4j.LoggerFactory.getLogger(FileLocalChanges.class)
          .warn("skipping damaged local change {}: {}", f, e.toString());
      return null;
    }
  }
}
