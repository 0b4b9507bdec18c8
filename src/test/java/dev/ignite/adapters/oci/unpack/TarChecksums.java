package dev.ignite.adapters.oci.unpack;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Gives each header of a tar the checksum it should have, walking from header to header by the
 * sizes they give, so that the content (a long name, pax records) stays as it is.
 */
final class TarChecksums {
  private static final int BLOCK = 512;
  private static final int SIZE = 124;
  private static final int SIZE_WIDTH = 12;
  private static final int FIELD = 148;
  private static final int WIDTH = 8;

  private TarChecksums() {}

  /** Fixes headers up to the first block of zeros, or a size that is not plain octal. */
  static void fix(byte[] tar) {
    for (int at = 0; at + BLOCK <= tar.length && !zeros(tar, at); ) {
      fixBlock(tar, at);
      long size = octal(tar, at + SIZE);
      if (size < 0 || size > tar.length) {
        return;
      }
      at += BLOCK + (int) ((size + BLOCK - 1) / BLOCK * BLOCK);
    }
  }

  private static void fixBlock(byte[] tar, int at) {
    Arrays.fill(tar, at + FIELD, at + FIELD + WIDTH, (byte) ' ');
    int sum = 0;
    for (int i = at; i < at + BLOCK; i++) {
      sum += tar[i] & 0xff;
    }
    byte[] octal = String.format("%06o\0 ", sum).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(octal, 0, tar, at + FIELD, WIDTH);
  }

  /** The octal number in a field, or -1 when it is something else (base-256, garbage). */
  private static long octal(byte[] tar, int at) {
    long n = 0;
    for (int i = at; i < at + SIZE_WIDTH && tar[i] != 0 && tar[i] != ' '; i++) {
      if (tar[i] < '0' || tar[i] > '7') {
        return -1;
      }
      n = n * 8 + (tar[i] - '0');
    }
    return n;
  }

  private static boolean zeros(byte[] tar, int at) {
    for (int i = at; i < at + BLOCK; i++) {
      if (tar[i] != 0) {
        return false;
      }
    }
    return true;
  }
}
