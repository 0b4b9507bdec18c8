package dev.ignite.adapters.oci.unpack;

import dev.ignite.ports.ImageException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets extended attributes ({@code security.capability} on {@code ping}, say), which {@code
 * mkfs.ext4 -d} then copies to the VM's disk. The JDK sets only {@code user.*} ones, so {@code
 * setfattr} (Debian package attr) does it: once per layer, fed a dump on stdin ({@code
 * --restore=-}), told not to follow links ({@code -h}); paths are quoted as setfattr reads them and
 * values are hex, so no name from the layer reaches its command line. Names are checked against the
 * namespaces an image may set; as another user than root, only {@code user.*} ones are set.
 */
final class XattrWriter {
  private static final Logger LOG = LoggerFactory.getLogger(XattrWriter.class);
  private static final Pattern NAME =
      Pattern.compile(
          "(user|security|trusted)\\.[A-Za-z0-9._@+-]{1,200}|system\\.posix_acl_(access|default)");
  private static final Charset PATHS =
      Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
  private final boolean asRoot;
  private final Map<Path, Map<String, byte[]>> queued = new LinkedHashMap<>();

  XattrWriter(boolean asRoot) {
    this.asRoot = asRoot;
  }

  void queue(Path target, String entry, Map<String, byte[]> attributes) {
    Map<String, byte[]> wanted = new TreeMap<>();
    for (var a : attributes.entrySet()) {
      if (!NAME.matcher(a.getKey()).matches()) {
        LOG.warn("layer entry '{}': skipping extended attribute '{}'", entry, a.getKey());
      } else if (asRoot || a.getKey().startsWith("user.")) {
        wanted.put(a.getKey(), a.getValue());
      } else {
        LOG.debug("not root: skipping extended attribute {} of {}", a.getKey(), entry);
      }
    }
    if (!wanted.isEmpty()) {
      queued.put(target, wanted);
    }
  }

  void forget(Path path) {
    if (!queued.isEmpty()) {
      queued.keySet().removeIf(p -> p.startsWith(path));
    }
  }

  /** Sets what is queued, each path checked first; a failed attribute is a warning. */
  void write(LayerTree tree) throws IOException {
    if (queued.isEmpty()) {
      return;
    }
    StringBuilder dump = new StringBuilder();
    for (var q : queued.entrySet()) {
      tree.requireUnlinked(q.getKey(), true);
      dump.append("# file: ").append(quoted(q.getKey())).append('\n');
      for (var a : q.getValue().entrySet()) {
        dump.append(a.getKey()).append("=0x").append(HexFormat.of().formatHex(a.getValue()));
        dump.append('\n');
      }
      dump.append('\n');
    }
    queued.clear();
    run(dump.toString());
  }

  /** setfattr's quoting: bytes outside printable ASCII, and the backslash, as {@code \ooo}. */
  static String quoted(Path path) {
    StringBuilder q = new StringBuilder();
    for (byte b : path.toString().getBytes(PATHS)) {
      int c = b & 0xff;
      if (c > ' ' && c < 0x7f && c != '\\') {
        q.append((char) c);
      } else {
        q.append('\\').append((char) ('0' + (c >> 6))).append((char) ('0' + ((c >> 3) & 7)));
        q.append((char) ('0' + (c & 7)));
      }
    }
    return q.toString();
  }

  private static void run(String dump) throws IOException {
    Process p;
    try {
      p = new ProcessBuilder("setfattr", "-h", "--restore=-").redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new ImageException(
          "setfattr is missing, and the image has extended attributes; install the Debian"
              + " package attr",
          e);
    }
    // its messages are read beside the dump it reads, so neither side waits on a full pipe
    CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> messages(p));
    try (OutputStream in = p.getOutputStream()) {
      in.write(dump.getBytes(StandardCharsets.US_ASCII));
    }
    try {
      if (p.waitFor() != 0) {
        LOG.warn("some extended attributes of the image were not set: {}", out.join().strip());
      }
    } catch (InterruptedException e) {
      p.destroy();
      Thread.currentThread().interrupt();
      throw new ImageException("interrupted setting extended attributes", e);
    }
  }

  private static String messages(Process p) {
    try {
      return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return e.toString();
    }
  }
}
