package dev.ignite.adapters.git;

import dev.ignite.ports.GitCommit;
import dev.ignite.ports.GitCommit.FileChange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEditor.DeletePath;
import org.eclipse.jgit.dircache.DirCacheEditor.PathEdit;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Makes a commit from a {@link GitCommit} without touching the checkout: the parent's tree is
 * edited in memory and written to the object database. So a file is never written through a
 * symbolic link, and a change may not go through or replace a link, a submodule or a file that
 * stands where a folder is needed.
 */
final class TreeEdits {
  private TreeEdits() {}

  /** The new commit's id, or empty when the changes leave the parent's tree as it was. */
  static Optional<ObjectId> commit(
      Repository repo, Optional<ObjectId> parent, GitCommit commit, PersonIdent who)
      throws IOException {
    List<FileChange> changes = commit.changes();
    checkPaths(changes);
    try (ObjectInserter inserter = repo.newObjectInserter();
        ObjectReader reader = inserter.newReader();
        RevWalk walk = new RevWalk(reader)) {
      Optional<RevCommit> base =
          parent.isPresent() ? Optional.of(walk.parseCommit(parent.get())) : Optional.empty();
      DirCache tree =
          base.isPresent() ? DirCache.read(reader, base.get().getTree()) : DirCache.newInCore();
      DirCacheEditor editor = tree.editor();
      for (FileChange change : changes) {
        checkShape(tree, change.path());
        edit(editor, tree, change, inserter);
      }
      editor.finish();
      ObjectId newTree = tree.writeTree(inserter);
      if (base.map(b -> b.getTree().equals(newTree)).orElse(tree.getEntryCount() == 0)) {
        return Optional.empty();
      }
      CommitBuilder c = new CommitBuilder();
      c.setTreeId(newTree);
      base.ifPresent(c::setParentId);
      c.setAuthor(who);
      c.setCommitter(who);
      c.setMessage(commit.message());
      ObjectId id = inserter.insert(c);
      inserter.flush();
      return Optional.of(id);
    }
  }

  private static void edit(
      DirCacheEditor editor, DirCache tree, FileChange change, ObjectInserter inserter)
      throws IOException {
    String path = change.path();
    DirCacheEntry existing = tree.getEntry(path);
    if (change.content().isEmpty()) {
      if (existing != null) {
        editor.add(new DeletePath(path));
      }
      return;
    }
    byte[] bytes = change.content().get();
    ObjectId blob = inserter.insert(Constants.OBJ_BLOB, bytes);
    FileMode mode =
        existing != null && existing.getFileMode() == FileMode.EXECUTABLE_FILE
            ? FileMode.EXECUTABLE_FILE
            : FileMode.REGULAR_FILE;
    editor.add(
        new PathEdit(path) {
          @Override
          public void apply(DirCacheEntry entry) {
            entry.setFileMode(mode);
            entry.setObjectId(blob);
            entry.setLength(bytes.length);
          }
        });
  }

  /** Valid paths, each named once, none inside another's folder. */
  private static void checkPaths(List<FileChange> changes) {
    Set<String> paths = new HashSet<>();
    for (FileChange change : changes) {
      String path = RepoPath.check(change.path());
      if (!paths.add(path)) {
        throw RepoPath.refused(path, "the commit changes it twice");
      }
    }
    for (String path : paths) {
      for (String folder : folders(path)) {
        if (paths.contains(folder)) {
          throw RepoPath.refused(path, "the same commit also writes its folder " + folder);
        }
      }
    }
  }

  /** What the path and its folders are in the parent's tree. */
  private static void checkShape(DirCache tree, String path) {
    for (String folder : folders(path)) {
      DirCacheEntry entry = tree.getEntry(folder);
      if (entry != null) {
        throw RepoPath.refused(
            path, folder + " is " + describe(entry.getFileMode()) + ", not a folder");
      }
    }
    DirCacheEntry entry = tree.getEntry(path);
    if (entry != null
        && entry.getFileMode() != FileMode.REGULAR_FILE
        && entry.getFileMode() != FileMode.EXECUTABLE_FILE) {
      throw RepoPath.refused(path, "it is " + describe(entry.getFileMode()));
    }
    if (entry == null && tree.getEntriesWithin(path).length > 0) {
      throw RepoPath.refused(path, "it is a folder");
    }
  }

  private static String describe(FileMode mode) {
    if (mode == FileMode.SYMLINK) {
      return "a symbolic link";
    }
    if (mode == FileMode.GITLINK) {
      return "a submodule";
    }
    return "a file";
  }

  private static List<String> folders(String path) {
    List<String> folders = new ArrayList<>();
    for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
      folders.add(path.substring(0, slash));
    }
    return folders;
  }
}
