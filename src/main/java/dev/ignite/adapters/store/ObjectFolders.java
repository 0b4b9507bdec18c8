package dev.ignite.adapters.store;

import dev.ignite.api.ApiObject;
import dev.ignite.api.Image;
import dev.ignite.api.Kernel;
import dev.ignite.api.Uid;
import dev.ignite.api.Vm;
import java.nio.file.Path;

/** Where each kind lives: {@code vms/<uid>/metadata.json}, {@code images/<id>/…}, … */
final class ObjectFolders {
  static final String OBJECT_FILE = "metadata.json";

  private final Path root;

  ObjectFolders(Path root) {
    this.root = root;
  }

  Path kindDir(Class<? extends ApiObject> type) {
    if (type == Vm.class) {
      return root.resolve("vms");
    }
    if (type == Image.class) {
      return root.resolve("images");
    }
    if (type == Kernel.class) {
      return root.resolve("kernels");
    }
    throw new IllegalArgumentException(
        "the store keeps no objects of type " + type.getSimpleName());
  }

  /**
   * The uid has been validated by {@link Uid} (letters, digits, '-'), so it cannot leave the dir.
   */
  Path objectDir(Class<? extends ApiObject> type, Uid uid) {
    return kindDir(type).resolve(uid.value());
  }

  Path objectFile(Class<? extends ApiObject> type, Uid uid) {
    return objectDir(type, uid).resolve(OBJECT_FILE);
  }
}
