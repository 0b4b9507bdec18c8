package dev.ignite.api;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * An object's unique id. Generated ids are 16 lowercase hex characters; ids read from files may be
 * any non-empty run of letters, digits and '-', so no id can name a path outside its folder.
 */
public record Uid(String value) {
  private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9-]{1,128}");

  /** Created on first use: reading ids (`ignite ps`) should not pay for seeding a SecureRandom. */
  private static final class Random {
    static final SecureRandom INSTANCE = new SecureRandom();
  }

  public Uid {
    if (value == null || !ALLOWED.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "invalid uid \"" + value + "\": want 1-128 letters, digits or '-'");
    }
  }

  public static Uid generate() {
    byte[] b = new byte[8];
    Random.INSTANCE.nextBytes(b);
    return new Uid(HexFormat.of().formatHex(b));
  }

  public static boolean isValid(String value) {
    return value != null && ALLOWED.matcher(value).matches();
  }

  @Override
  public String toString() {
    return value;
  }
}
