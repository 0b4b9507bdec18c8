package dev.ignite.adapters.ssh;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.util.Arrays;
import java.util.Base64;

/**
 * An ed25519 pair made by the JDK (SunEC) and written in OpenSSH's formats (the public key line,
 * and the unencrypted {@code openssh-key-v1} private key of OpenSSH's PROTOCOL.key), and, for
 * guests' host keys, in dropbear's. The JDK does it in ~50 ms at the CLI's start-up settings;
 * through MINA and BouncyCastle it took 350-500 ms of class loading on the path of every {@code
 * ignite run --ssh}.
 */
final class OpenSshEd25519 {
  static final String TYPE = "ssh-ed25519";
  private static final int KEY_BYTES = 32;

  private final byte[] publicKey;
  private final byte[] seed;

  private OpenSshEd25519(byte[] publicKey, byte[] seed) {
    this.publicKey = publicKey;
    this.seed = seed;
  }

  static OpenSshEd25519 generate() {
    try {
      KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      byte[] x509 = pair.getPublic().getEncoded(); // SubjectPublicKeyInfo ends with the raw key
      byte[] pub = Arrays.copyOfRange(x509, x509.length - KEY_BYTES, x509.length);
      byte[] seed = ((EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow();
      return new OpenSshEd25519(pub, seed);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK offers no Ed25519 key generator", e);
    }
  }

  /** {@code ssh-ed25519 AAAA… comment}, as in {@code authorized_keys}. */
  String publicKeyLine(String comment) {
    return TYPE + " " + Base64.getEncoder().encodeToString(publicBlob()) + " " + comment;
  }

  /** The PEM-armoured {@code openssh-key-v1} private key, unencrypted. */
  byte[] privateKeyFile(String comment) {
    try {
      ByteArrayOutputStream secret = new ByteArrayOutputStream();
      DataOutputStream s = new DataOutputStream(secret);
      int check = new SecureRandom().nextInt();
      s.writeInt(check);
      s.writeInt(check);
      string(s, TYPE.getBytes(StandardCharsets.US_ASCII));
      string(s, publicKey);
      byte[] both = Arrays.copyOf(seed, 2 * KEY_BYTES);
      System.arraycopy(publicKey, 0, both, KEY_BYTES, KEY_BYTES);
      string(s, both);
      string(s, comment.getBytes(StandardCharsets.UTF_8));
      for (int pad = 1; secret.size() % 8 != 0; pad++) {
        s.writeByte(pad);
      }
      ByteArrayOutputStream file = new ByteArrayOutputStream();
      DataOutputStream f = new DataOutputStream(file);
      f.write("openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII));
      string(f, "none".getBytes(StandardCharsets.US_ASCII)); // cipher
      string(f, "none".getBytes(StandardCharsets.US_ASCII)); // kdf
      string(f, new byte[0]); // kdf options
      f.writeInt(1);
      string(f, publicBlob());
      string(f, secret.toByteArray());
      return armour(file.toByteArray());
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory failed", e);
    }
  }

  /**
   * The private key in dropbear's own file format, which dropbear's {@code -r} and its default
   * {@code /etc/dropbear/dropbear_ed25519_host_key} take: the key type, then the 32-byte seed and
   * the 32-byte public key as one string (dropbear's {@code buf_put_ed25519_priv_key}).
   */
  byte[] dropbearPrivateKey() {
    try {
      ByteArrayOutputStream file = new ByteArrayOutputStream();
      DataOutputStream d = new DataOutputStream(file);
      string(d, TYPE.getBytes(StandardCharsets.US_ASCII));
      byte[] both = Arrays.copyOf(seed, 2 * KEY_BYTES);
      System.arraycopy(publicKey, 0, both, KEY_BYTES, KEY_BYTES);
      string(d, both);
      return file.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory failed", e);
    }
  }

  private byte[] publicBlob() {
    try {
      ByteArrayOutputStream blob = new ByteArrayOutputStream();
      DataOutputStream d = new DataOutputStream(blob);
      string(d, TYPE.getBytes(StandardCharsets.US_ASCII));
      string(d, publicKey);
      return blob.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory failed", e);
    }
  }

  private static byte[] armour(byte[] binary) {
    String body = Base64.getMimeEncoder(70, new byte[] {'\n'}).encodeToString(binary);
    return ("-----BEGIN OPENSSH PRIVATE KEY-----\n"
            + body
            + "\n-----END OPENSSH PRIVATE KEY-----\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  private static void string(DataOutputStream out, byte[] bytes) throws IOException {
    out.writeInt(bytes.length);
    out.write(bytes);
  }
}
