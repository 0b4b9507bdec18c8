package dev.ignite.ports;

import dev.ignite.api.ApiObject;
import dev.ignite.api.Uid;
import java.nio.file.Path;

/**
 * The folder the state store keeps an object in, so files that belong to the object (a VM's disk,
 * console log and keys; an image's unpacked tree) live and die with it.
 */
@FunctionalInterface
public interface ObjectDirs {
  Path dir(Class<? extends ApiObject> type, Uid uid);
}
