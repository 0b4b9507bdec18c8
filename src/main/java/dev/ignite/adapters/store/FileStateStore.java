package dev.ignite.adapters.store;

import dev.ignite.api.ApiObject;
import dev.ignite.api.Uid;
import dev.ignite.ports.StateStore;
import dev.ignite.ports.StoreException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The state store as plain files under one state dir, one folder per object, each object file
 * (v1alpha4 JSON) written atomically. Safe to share between processes.
 */
public final class FileStateStore implements StateStore {
  private static final int PARALLEL_FROM = 64;
  private final Path root;
  private final ObjectFolders folders;
  private final StoreLock lock;
  private final ObjectFileCodec codec = new ObjectFileCodec();

  private FileStateStore(Path root) {
    this.root = root;
    this.folders = new ObjectFolders(root);
    this.lock = new StoreLock(root.resolve(".lock"));
  }

  /**
   * Opens (creating if needed) the store in {@code stateDir}; see {@link StateDirs}. The folder is
   * made private to its owner (see {@link PrivateStateDir}).
   */
  public static FileStateStore open(Path stateDir) {
    try {
      PrivateStateDir.ensure(stateDir);
    } catch (IOException e) {
      throw new StoreException("cannot create state dir " + stateDir + ": " + e, e);
    }
    return new FileStateStore(stateDir);
  }

  public Path root() {
    return root;
  }

  /** The folder of one object, for adapters that keep files beside it (disks, sockets, logs). */
  public Path objectDir(Class<? extends ApiObject> type, Uid uid) {
    return folders.objectDir(type, uid);
  }

  @Override
  public void put(ApiObject object) {
    Path file = fileOf(object);
    String text = codec.encode(object);
    lock.run(
        () -> {
          write(file, text);
          return null;
        });
  }

  /**
   * Many small files each made durable by its own fsync: one after the other, every fsync waits for
   * its own journal commit; side by side, ext4 commits them together.
   */
  @Override
  public void putAll(List<? extends ApiObject> objects) {
    if (objects.size() < PARALLEL_FROM) {
      objects.forEach(this::put);
      return;
    }
    List<Map.Entry<Path, String>> writes = new ArrayList<>();
    for (ApiObject o : objects) {
      writes.add(Map.entry(fileOf(o), codec.encode(o)));
    }
    lock.run(
        () -> {
          SideBySide.run(writes, w -> write(w.getKey(), w.getValue()));
          return null;
        });
  }

  private Path fileOf(ApiObject object) {
    Uid uid = object.metadata().uid();
    if (uid == null) {
      throw new IllegalArgumentException("cannot store " + object.metadata().name() + ": no uid");
    }
    return folders.objectFile(object.getClass(), uid);
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      AtomicFiles.write(file, text);
    } catch (IOException e) {
      throw new StoreException("cannot write " + file + ": " + e, e);
    }
  }

  @Override
  public <T extends ApiObject> Optional<T> get(Class<T> type, Uid uid) {
    return read(type, folders.objectFile(type, uid));
  }

  @Override
  public <T extends ApiObject> List<T> list(Class<T> type) {
    Path dir = folders.kindDir(type);
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (!name.startsWith(".") && Uid.isValid(name)) {
          files.add(entry.resolve(ObjectFolders.OBJECT_FILE));
        }
      }
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new StoreException("cannot list " + dir + ": " + e, e);
    }
    // Reading in parallel: with 1,000 VMs, `ignite ps` spends most of its time here.
    return (files.size() < PARALLEL_FROM ? files.stream() : files.parallelStream())
        .map(f -> readListed(type, f))
        .flatMap(Optional::stream)
        .toList();
  }

  @Override
  public boolean delete(Class<? extends ApiObject> type, Uid uid) {
    Path dir = folders.objectDir(type, uid);
    return lock.run(
        () -> {
          if (!Files.isDirectory(dir)) {
            return false;
          }
          // Renamed first so that readers see the object vanish at once, never half-deleted.
          Path doomed = dir.resolveSibling(".deleting-" + uid.value() + "-" + System.nanoTime());
          try {
            Files.move(dir, doomed, StandardCopyOption.ATOMIC_MOVE);
            Trees.deleteRecursively(doomed);
            return true;
          } catch (IOException e) {
            throw new StoreException("cannot remove " + dir + ": " + e, e);
          }
        });
  }

  @Override
  public <R> R withLock(Supplier<R> action) {
    return lock.run(action);
  }

  @Override
  public <R> R withObjectLock(Uid uid, Supplier<R> action) {
    Path locks = root.resolve("locks");
    try {
      Files.createDirectories(locks);
    } catch (IOException e) {
      throw new StoreException("cannot create " + locks + ": " + e, e);
    }
    return new StoreLock(locks.resolve(uid.value() + ".lock")).run(action);
  }

  /** One damaged file must not hide every other object: it is skipped with a warning. */
  private <T extends ApiObject> Optional<T> readListed(Class<T> type, Path file) {
    try {
      return read(type, file);
    } catch (StoreException e) {
      Log.WARN.warn("skipping {}: {}", file, e.getMessage());
      return Optional.empty();
    }
  }

  /** Held apart so that listing a healthy store never pays for logging's start-up. */
  private static final class Log {
    static final org.slf4j.Logger WARN = org.slf4j.LoggerFactory.getLogger(FileStateStore.class);
  }

  private <T extends ApiObject> Optional<T> read(Class<T> type, Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new StoreException("cannot read " + file + ": " + e, e);
    }
    return Optional.of(codec.decode(type, file, text));
  }
}
