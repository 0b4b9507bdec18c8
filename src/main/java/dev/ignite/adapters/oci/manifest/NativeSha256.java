package dev.ignite.adapters.oci.manifest;

import java.lang.ref.Cleaner;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.ProviderException;
import java.util.Objects;

/**
 * SHA-256 by the host's OpenSSL libcrypto (EVP), through our JNI library {@code
 * native/libignite-digest.so} beside the jar (built from {@code src/main/c}). bin/ignite runs with
 * C1 only, where the JDK's SHA-256 has no intrinsic (docs/decisions.md has the measurements). Hosts
 * without the library or libcrypto use the JDK's ({@link #available()} is false).
 */
final class NativeSha256 extends MessageDigest {
  private static final String LIBRARY = "libignite-digest.so";
  private static final boolean AVAILABLE = loadLibrary() && linked();
  private static final Cleaner CLEANER = Cleaner.create();
  private final long context;

  NativeSha256() {
    super("SHA-256");
    long ctx = open();
    if (ctx == 0) {
      throw new ProviderException("libcrypto made no SHA-256 context");
    }
    this.context = ctx;
    CLEANER.register(this, () -> free(ctx));
  }

  static boolean available() {
    return AVAILABLE;
  }

  /** {@code native/} beside the jar, or beside {@code classes/} in a build tree. */
  static Path libraryPath() {
    try {
      URI code = NativeSha256.class.getProtectionDomain().getCodeSource().getLocation().toURI();
      return Path.of(code).getParent().resolve("native").resolve(LIBRARY);
    } catch (URISyntaxException | RuntimeException e) {
      return Path.of(LIBRARY);
    }
  }

  /** False when libcrypto is missing, or the library is not the one this class was built with. */
  private static boolean linked() {
    try {
      return load();
    } catch (UnsatisfiedLinkError e) {
      return false;
    }
  }

  /** False when the library is missing or does not link. */
  private static boolean loadLibrary() {
    Path library = libraryPath();
    try {
      System.load(library.toString());
      return true;
    } catch (UnsatisfiedLinkError e) {
      return false;
    }
  }

  @Override
  protected void engineUpdate(byte input) {
    engineUpdate(new byte[] {input}, 0, 1);
  }

  @Override
  protected void engineUpdate(byte[] input, int offset, int len) {
    Objects.checkFromIndexSize(offset, len, input.length);
    if (len > 0) {
      check(update(context, input, offset, len));
    }
  }

  @Override
  protected byte[] engineDigest() {
    byte[] out = new byte[32];
    check(finish(context, out));
    check(reset(context));
    return out;
  }

  @Override
  protected void engineReset() {
    check(reset(context));
  }

  @Override
  protected int engineGetDigestLength() {
    return 32;
  }

  private static void check(boolean ok) {
    if (!ok) {
      throw new ProviderException("libcrypto's SHA-256 failed");
    }
  }

  private static native boolean load();

  private static native long open();

  private static native boolean reset(long context);

  private static native boolean update(long context, byte[] bytes, int offset, int length);

  private static native boolean finish(long context, byte[] out);

  private static native void free(long context);
}
