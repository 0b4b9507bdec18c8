package dev.ignite.adapters.git;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand.ResetType;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local clone: a repository in {@code git/} whose files are checked out in {@code checkout/}
 * (no {@code .git} in there: the checkout holds only the branch's files). Symbolic links in the
 * repository are checked out as small files holding the link's target ({@code core.symlinks
 * false}), so nothing in the checkout points out of it.
 */
final class LocalClone implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalClone.class);

  private final WorkDir dir;
  private Repository repo;

  private LocalClone(WorkDir dir) {
    this.dir = dir;
  }

  /** Opens the clone left by an earlier run, or starts a new one when there is none. */
  static LocalClone open(WorkDir dir) throws IOException {
    LocalClone clone = new LocalClone(dir);
    if (Files.isDirectory(dir.gitDir().resolve("objects"))) {
      try {
        clone.repo = build(dir);
        clone.verify();
        return clone;
      } catch (IOException | RuntimeException damaged) {
        LOG.warn(
            "the Git clone in {} is damaged, cloning again: {}", dir.root(), damaged.toString());
        clone.closeRepository();
      }
    }
    clone.create();
    return clone;
  }

  Repository repo() {
    return repo;
  }

  Path checkout() {
    return dir.checkout();
  }

  Optional<ObjectId> head() throws IOException {
    return Optional.ofNullable(repo.resolve(Constants.HEAD));
  }

  /** Makes the checkout exactly {@code commit}'s tree: edits reverted, other files removed. */
  void checkout(ObjectId commit) throws IOException {
    try {
      Git.wrap(repo).reset().setMode(ResetType.HARD).setRef(commit.name()).call();
    } catch (GitAPIException | RuntimeException e) {
      throw new IOException("cannot check out " + commit.name() + " in " + checkout(), e);
    }
    removeUntracked();
  }

  /** Throws the clone away and starts an empty one (after damage). */
  void recreate() throws IOException {
    closeRepository();
    create();
  }

  private void create() throws IOException {
    dir.wipe();
    WorkDir.createPrivate(dir.gitDir());
    WorkDir.createPrivate(dir.checkout());
    // created bare, then opened with a work tree: JGit would otherwise write a .git file there
    Repository fresh = new FileRepositoryBuilder().setGitDir(dir.gitDir().toFile()).build();
    fresh.create(true);
    StoredConfig config = fresh.getConfig();
    config.setBoolean("core", null, "bare", false);
    config.setBoolean("core", null, "symlinks", false);
    config.setBoolean("core", null, "logallrefupdates", false);
    config.setString("core", null, "autocrlf", "false");
    config.save();
    fresh.close();
    repo = build(dir);
  }

  private static Repository build(WorkDir dir) throws IOException {
    return new FileRepositoryBuilder()
        .setGitDir(dir.gitDir().toFile())
        .setWorkTree(dir.checkout().toFile())
        .setMustExist(true)
        .build();
  }

  /** A clone whose HEAD commit or tree is missing was cut short: it is cloned again. */
  private void verify() throws IOException {
    Files.deleteIfExists(dir.gitDir().resolve("index.lock"));
    Files.deleteIfExists(dir.gitDir().resolve("HEAD.lock"));
    Optional<ObjectId> head = head();
    if (head.isPresent()) {
      try (RevWalk walk = new RevWalk(repo)) {
        walk.parseTree(walk.parseCommit(head.get()).getTree());
      }
    }
    if (!Files.isDirectory(dir.checkout())) {
      WorkDir.createPrivate(dir.checkout());
    }
  }

  private void removeUntracked() throws IOException {
    Set<String> tracked = new HashSet<>();
    Set<String> parents = new HashSet<>();
    DirCache index = repo.readDirCache();
    for (int i = 0; i < index.getEntryCount(); i++) {
      String path = index.getEntry(i).getPathString();
      tracked.add(path);
      for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
        parents.add(path.substring(0, slash));
      }
    }
    Path top = checkout();
    Files.walkFileTree(
        top,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs)
              throws IOException {
            String rel = relative(top, d);
            if (rel.isEmpty() || parents.contains(rel)) {
              return FileVisitResult.CONTINUE;
            }
            if (!tracked.contains(rel)) {
              WorkDir.deleteTree(d);
            }
            return FileVisitResult.SKIP_SUBTREE;
          }

          @Override
          public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
            if (!tracked.contains(relative(top, f))) {
              Files.delete(f);
            }
            return FileVisitResult.CONTINUE;
          }
        });
  }

  private static String relative(Path top, Path p) {
    return top.relativize(p).toString();
  }

  private void closeRepository() {
    if (repo != null) {
      repo.close();
      repo = null;
    }
  }

  @Override
  public void close() {
    closeRepository();
  }
}
