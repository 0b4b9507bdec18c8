package dev.ignite.ports;

import dev.ignite.api.ApiObject;
import dev.ignite.api.Uid;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The host's record of its objects (VMs, images, kernels), one folder per object. Every write is
 * atomic; {@link #withLock} makes a check-then-write atomic across processes too, so the CLI and
 * the daemon (or two CLIs) never lose each other's writes.
 */
public interface StateStore {

  /** Writes the object under its kind and uid, replacing an older version. The uid must be set. */
  void put(ApiObject object);

  /**
   * Writes several objects, each atomically (not all or none: a crash may leave some written),
   * faster than one by one.
   */
  default void putAll(List<? extends ApiObject> objects) {
    objects.forEach(this::put);
  }

  <T extends ApiObject> Optional<T> get(Class<T> type, Uid uid);

  /** All objects of one kind; folders that hold no readable object are skipped. */
  <T extends ApiObject> List<T> list(Class<T> type);

  /** Removes the object's folder and everything in it; false when there was none. */
  boolean delete(Class<? extends ApiObject> type, Uid uid);

  /** Runs {@code action} holding the store's lock, which excludes other processes and threads. */
  <R> R withLock(Supplier<R> action);

  /**
   * Runs {@code action} holding the lock of one VM (or other object), so that no two processes or
   * threads operate on it at once: the daemon and a user's {@code ignite start} cannot both boot
   * it. Independent of {@link #withLock}; never take this lock while holding the store's.
   */
  <R> R withObjectLock(Uid uid, Supplier<R> action);

  default void withLock(Runnable action) {
    withLock(
        () -> {
          action.run();
          return null;
        });
  }

  /**
   * Finds one object by exact uid, exact name or uid prefix, in that order: a name match wins over
   * a prefix match.
   *
   * @throws LookupException when nothing matches, or a prefix matches several objects
   */
  default <T extends ApiObject> T find(Class<T> type, String ref) {
    if (Uid.isValid(ref)) {
      Optional<T> exact = get(type, new Uid(ref));
      if (exact.isPresent()) {
        return exact.get();
      }
    }
    return ObjectLookup.find(list(type), type, ref);
  }
}
