package dev.ignite.adapters.oci.unpack;

import dev.ignite.adapters.oci.manifest.DiffIds;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unpacks an image's layers in order while they download, on a thread of its own, so that an import
 * leaves the image's tree ready beside its blobs: download and unpack overlap instead of running
 * one after the other. It is a head start, not part of the import's contract: when it fails for any
 * reason (a retried download, a layer the unpacker refuses, a limit), its tree is dropped and the
 * image is unpacked from its blobs when a VM first needs it, which reports the error then.
 */
public final class EagerUnpack {
  private static final Logger LOG = LoggerFactory.getLogger(EagerUnpack.class);
  private final LayerStack stack;
  private final List<String> layers;
  private final Thread thread;
  private volatile Exception failure;
  private volatile List<String> diffIds;

  private EagerUnpack(LayerStack stack, List<String> layers, LayerStack.Source live) {
    this.stack = stack;
    this.layers = List.copyOf(layers);
    this.thread =
        new Thread("unpack " + layers.get(0).substring(7, 19)) {
          @Override
          public void run() {
            unpack(live);
          }
        };
    thread.setDaemon(true);
  }

  /** Starts applying {@code layers} onto {@code stack}, each read as it lands from {@code live}. */
  public static EagerUnpack start(LayerStack stack, List<String> layers, LayerStack.Source live) {
    EagerUnpack unpack = new EagerUnpack(stack, layers, live);
    unpack.thread.start();
    return unpack;
  }

  private void unpack(LayerStack.Source live) {
    try {
      diffIds = stack.applyUnchecked(layers, live);
    } catch (Exception e) {
      failure = e;
    }
  }

  /**
   * Waits for the tree; true when every layer unpacked, each to what the config stored at {@code
   * config} lists for it. A tree that is not kept stays where it is: in the import's scratch
   * folder, which the import removes as it ends.
   */
  public boolean finish(Path config, String configDigest) {
    join();
    try {
      if (failure != null) {
        throw failure;
      }
      List<String> expected = DiffIds.ofConfig(config, configDigest, diffIds.size());
      for (int i = 0; i < expected.size(); i++) {
        DiffIds.check(i, layers.get(i), diffIds.get(i), expected.get(i));
      }
      return true;
    } catch (Exception e) {
      LOG.debug("not keeping the tree unpacked while downloading: {}", e.toString());
      return false;
    }
  }

  /**
   * After a failed import, whose live blobs have failed too: waits for the thread to stop writing,
   * so that the import's scratch folder, the tree in it included, can go.
   */
  public void abandon() {
    join();
  }

  /** Waits even when interrupted: the tree must not be deleted while the thread still writes. */
  private void join() {
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
