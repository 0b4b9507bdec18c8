package dev.ignite.adapters.oci.unpack;

import dev.ignite.adapters.oci.manifest.DiffIds;
import dev.ignite.adapters.oci.manifest.Digests;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.io.input.ReadAheadInputStream;

/** An image's layers applied in order onto one directory, whatever the bytes are read from. */
public final class LayerStack {
  /** Opens a layer's compressed bytes. */
  public interface Source {
    InputStream open(String layer) throws IOException;
  }

  private final Path root;
  private final boolean asRoot;
  private final UnpackBudget budget;

  private LayerStack(Path root, UnpackLimits limits) {
    this.root = root;
    this.asRoot = "root".equals(System.getProperty("user.name"));
    this.budget = new UnpackBudget(limits);
  }

  /** Layers to be applied onto {@code targetDir}, made if missing, within {@code limits}. */
  public static LayerStack onto(Path targetDir, UnpackLimits limits) throws IOException {
    Files.createDirectories(targetDir);
    return new LayerStack(targetDir.toRealPath(), limits);
  }

  /** Applies the layers in order, each checked against its diff_id as it ends. */
  public void apply(List<String> layers, List<String> diffIds, Source source) throws IOException {
    for (int i = 0; i < layers.size(); i++) {
      String actual = applyOne(layers.get(i), source);
      DiffIds.check(i, layers.get(i), actual, diffIds.get(i));
    }
  }

  /**
   * Applies the layers in order and returns their uncompressed digests, for a caller that learns
   * the diff_ids only later.
   */
  List<String> applyUnchecked(List<String> layers, Source source) throws IOException {
    List<String> digests = new ArrayList<>();
    for (String layer : layers) {
      digests.add(applyOne(layer, source));
    }
    return digests;
  }

  /** Unpacks one layer; returns the digest of its whole uncompressed stream, its diff_id. */
  private String applyOne(String layer, Source source) throws IOException {
    MessageDigest sha = Digests.sha256();
    InputStream uncompressed = budget.counted(inflated(source.open(layer)), layer);
    try (InputStream in = new DigestInputStream(uncompressed, sha)) {
      new LayerUnpacker(root, asRoot, budget).apply(in);
      in.transferTo(OutputStream.nullOutputStream()); // what follows the tar's end is hashed too
    }
    return Digests.of(sha);
  }

  /**
   * zlib's inflate costs about what writing the entries costs, so it runs a few chunks ahead on a
   * thread of its own; ISA-L's is cheap enough that the hand-offs would cost more than they save
   * (docs/decisions.md).
   */
  private static InputStream inflated(InputStream raw) throws IOException {
    InputStream in = Decompression.open(raw);
    return NativeGunzip.loaded()
        ? in
        : ReadAheadInputStream.builder().setInputStream(in).setBufferSize(1 << 16).get();
  }
}
