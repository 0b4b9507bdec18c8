package dev.ignite.adapters.oci.unpack;

import dev.ignite.testing.FuzzTarget;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Any bytes as a gzip layer: our ISA-L inflater ({@link NativeGunzip}, C code in the root daemon)
 * reads them as the JDK's GZIPInputStream does, or refuses them with an IOException; it never
 * accepts what the JDK refuses, never crashes the JVM, never hangs. The one allowed difference is
 * NativeGunzipTest's: after a complete member, ours refuses a member that starts and does not end,
 * as gzip(1) does, where the JDK may ignore it; what the JDK read is then the start of what ours
 * read before it refused (it may have inflated a few bytes of the cut member).
 */
class GunzipFuzzTest {
  @FuzzTarget
  void nativeGunzipReadsAsTheJdkOrRefuses(byte[] input) {
    if (!NativeGunzip.loaded()) {
      throw new IllegalStateException("libignite-gunzip.so is not built (libisal-dev)");
    }
    byte[] theirs = jdk(input);
    ByteArrayOutputStream mine = new ByteArrayOutputStream();
    boolean mineOk;
    try (InputStream in = new NativeGunzip(new ByteArrayInputStream(input))) {
      in.transferTo(mine);
      mineOk = true;
    } catch (IOException refused) {
      mineOk = false;
    }
    if (mineOk && theirs == null) {
      throw new AssertionError("ours inflated what the JDK refuses");
    }
    byte[] read = mine.toByteArray();
    boolean same =
        mineOk
            ? Arrays.equals(read, theirs)
            : theirs == null
                || read.length >= theirs.length
                    && Arrays.equals(read, 0, theirs.length, theirs, 0, theirs.length);
    if (!same) {
      throw new AssertionError(
          "read differently: ours " + read.length + " bytes, the JDK's " + theirs.length);
    }
  }

  /** What the JDK reads, or null when it refuses the stream. */
  private static byte[] jdk(byte[] input) {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(input))) {
      return in.readAllBytes();
    } catch (IOException refused) {
      return null;
    }
  }
}
