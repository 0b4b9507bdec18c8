package dev.ignite.api.codec;

import dev.ignite.api.OciSource;

/** Reads an {@code {id, size, repoDigests}} block of an image or kernel status. */
final class OciSourceDecoder {
  private OciSourceDecoder() {}

  static OciSource decode(Fields parent, String key) {
    Fields f = parent.object(key);
    if (f == null) {
      return null;
    }
    OciSource source = new OciSource(f.text("id"), f.size("size"), f.strings("repoDigests"));
    f.finish();
    return source;
  }
}
