package dev.ignite.adapters.oci.unpack;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A gzip stream inflated by Intel's ISA-L through our JNI library {@code
 * native/libignite-gunzip.so} (built from {@code src/main/c/gunzip.c} where libisal-dev is
 * installed), an optional accelerator: it inflates with about two thirds of zlib's CPU
 * (docs/decisions.md). Headers, CRCs and lengths are checked by ISA-L. Concatenated members are
 * read one after the other and anything after the last one that is not gzip ends the stream, as
 * {@code GZIPInputStream} does.
 */
final class NativeGunzip extends InputStream {
  private static final boolean AVAILABLE = loadLibrary();
  private static final int INVALID_WRAPPER = -4;
  private final InputStream in;
  private final byte[] input = new byte[1 << 16];
  private final int[] result = new int[4];
  private int inPos;
  private int inLen;
  private long handle;
  private boolean memberDone;
  private boolean headerRead;
  private int membersDone;
  private boolean ended;

  NativeGunzip(InputStream in) {
    this.in = in;
    this.handle = open();
    if (handle == 0) {
      throw new OutOfMemoryError("no memory for an inflater");
    }
  }

  static boolean loaded() {
    return AVAILABLE;
  }

  /** {@code native/} beside the jar, or beside {@code classes/} in a build tree. */
  static Path libraryPath() {
    try {
      URI code = NativeGunzip.class.getProtectionDomain().getCodeSource().getLocation().toURI();
      return Path.of(code).getParent().resolve("native").resolve("libignite-gunzip.so");
    } catch (URISyntaxException | RuntimeException e) {
      return Path.of("libignite-gunzip.so");
    }
  }

  /** False where the library was not built (no libisal-dev) or does not link (no libisal). */
  private static boolean loadLibrary() {
    try {
      System.load(libraryPath().toString());
      free(open()); // a library from another build may lack our functions
      return true;
    } catch (UnsatisfiedLinkError e) {
      return false;
    }
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) == 1 ? one[0] & 0xff : -1;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    if (handle == 0) {
      throw new IOException("stream closed");
    }
    while (len > 0 && !ended) {
      if (memberDone) {
        if (!fill()) {
          ended = true;
          break;
        }
        reset(handle);
        memberDone = false;
        headerRead = false;
      }
      if (inPos == inLen && !fill()) {
        if (membersDone > 0 && !headerRead) {
          // less than a header after a complete member: trailing bytes, ignored as the JDK's
          // GZIPInputStream ignores them (found by the mutation test in NativeGunzipTest)
          ended = true;
          break;
        }
        throw new EOFException("gzip stream ends before its end");
      }
      int status = inflate(handle, input, inPos, inLen - inPos, b, off, len, result);
      inPos += result[0];
      if (status < 0) {
        if (status == INVALID_WRAPPER && !headerRead && membersDone > 0) {
          ended = true; // not gzip after a complete member: trailing bytes, ignored
          break;
        }
        throw new IOException("layer is not valid gzip (ISA-L error " + status + ")");
      }
      memberDone = result[2] != 0;
      headerRead = result[3] != 0;
      if (memberDone) {
        membersDone++;
      }
      if (result[1] > 0) {
        return result[1];
      }
      if (result[0] == 0 && !memberDone && inPos < inLen) {
        throw new IOException("gzip inflater made no progress"); // never loop forever
      }
    }
    return len == 0 ? 0 : -1;
  }

  private boolean fill() throws IOException {
    if (inPos < inLen) {
      return true;
    }
    int n = in.read(input, 0, input.length);
    inPos = 0;
    inLen = Math.max(n, 0);
    return n > 0;
  }

  @Override
  public void close() throws IOException {
    if (handle != 0) {
      free(handle);
      handle = 0;
    }
    in.close();
  }

  private static native long open();

  private static native void reset(long handle);

  private static native void free(long handle);

  private static native int inflate(
      long handle,
      byte[] in,
      int inOff,
      int inLen,
      byte[] out,
      int outOff,
      int outLen,
      int[] result);
}
