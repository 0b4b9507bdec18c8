package dev.ignite.adapters.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the release string ({@code uname -r}) out of a kernel binary, without running it. */
final class KernelVersion {
  private static final int SETUP_HEADER_MAGIC_OFFSET = 0x202;
  private static final int VERSION_POINTER_OFFSET = 0x20E;
  private static final int MAX_LENGTH = 64;
  private static final byte[] LINUX_VERSION = "Linux version ".getBytes(StandardCharsets.US_ASCII);

  private KernelVersion() {}

  static String of(Path kernel) throws IOException {
    byte[] head = readHead(kernel, 64 * 1024);
    if (isBzImage(head)) {
      return fromBzImage(kernel, head);
    }
    if (head.length >= 4 && head[0] == 0x7f && head[1] == 'E' && head[2] == 'L' && head[3] == 'F') {
      return fromElf(kernel);
    }
    throw new IOException(
        kernel
            + ": not a Linux kernel (neither a bzImage nor an ELF vmlinux); give a vmlinuz path");
  }

  private static boolean isBzImage(byte[] head) {
    return head.length > VERSION_POINTER_OFFSET + 2
        && new String(head, SETUP_HEADER_MAGIC_OFFSET, 4, StandardCharsets.US_ASCII).equals("HdrS");
  }

  /** The boot protocol's {@code kernel_version} field points (minus 0x200) to a C string. */
  private static String fromBzImage(Path kernel, byte[] head) throws IOException {
    int pointer =
        ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN).getShort(VERSION_POINTER_OFFSET)
            & 0xffff;
    int start = pointer + 0x200;
    if (pointer == 0 || start >= head.length) {
      throw new IOException(kernel + ": bzImage header has no version string");
    }
    return firstWord(head, start, kernel);
  }

  private static String fromElf(Path kernel) throws IOException {
    byte[] all = Files.readAllBytes(kernel);
    int at = indexOf(all, LINUX_VERSION);
    if (at < 0) {
      throw new IOException(kernel + ": ELF kernel has no \"Linux version\" string");
    }
    return firstWord(all, at + LINUX_VERSION.length, kernel);
  }

  private static String firstWord(byte[] bytes, int start, Path kernel) throws IOException {
    int end = start;
    while (end < bytes.length && bytes[end] > ' ' && bytes[end] < 0x7f) {
      end++;
    }
    if (end == start) {
      throw new IOException(kernel + ": empty kernel version string");
    }
    String version = new String(bytes, start, end - start, StandardCharsets.US_ASCII);
    if (!isValid(version)) {
      throw new IOException(kernel + ": " + refusal(version));
    }
    return version;
  }

  /**
   * Whether {@code version} may name a folder: the version comes from a kernel image anyone can
   * build, and becomes {@code lib/modules/<version>} on the host and in every VM's disk. Letters,
   * digits and {@code ._+~-}, at most 64 (the kernel's own limit for {@code uname -r}), and not
   * {@code .} or {@code ..}.
   */
  static boolean isValid(String version) {
    if (version.isEmpty()
        || version.length() > MAX_LENGTH
        || version.equals(".")
        || version.equals("..")) {
      return false;
    }
    for (int i = 0; i < version.length(); i++) {
      char c = version.charAt(i);
      boolean letterOrDigit =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!letterOrDigit && "._+~-".indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  static String refusal(String version) {
    return "\""
        + version
        + "\" is not a kernel version (letters, digits and ._+~- only, at most "
        + MAX_LENGTH
        + ", not . or ..)";
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static byte[] readHead(Path file, int max) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(max);
    }
  }
}
