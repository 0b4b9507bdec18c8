package dev.ignite.adapters.oci;

import dev.ignite.adapters.oci.registry.RegistryRef;
import java.nio.file.Path;

/** Where an import reads from: a registry, or one of the local transports. */
sealed interface SourceRef {
  record Registry(RegistryRef ref) implements SourceRef {
    public String describe() {
      return ref.toString();
    }
  }

  record Layout(Path dir, String tag) implements SourceRef {
    public String describe() {
      return "oci:" + dir.toAbsolutePath().normalize() + (tag == null ? "" : ":" + tag);
    }
  }

  record OciArchive(Path file, String tag) implements SourceRef {
    public String describe() {
      return "oci-archive:" + file.toAbsolutePath().normalize() + (tag == null ? "" : ":" + tag);
    }
  }

  record DockerArchive(Path file) implements SourceRef {
    public String describe() {
      return "docker-archive:" + file.toAbsolutePath().normalize();
    }
  }

  record RootfsTar(Path file) implements SourceRef {
    public String describe() {
      return "tar:" + file.toAbsolutePath().normalize();
    }
  }

  static SourceRef parse(String text) {
    if (text.startsWith("oci:")) {
      String[] pathTag = splitTag(text.substring(4));
      return new Layout(Path.of(pathTag[0]), pathTag[1]);
    }
    if (text.startsWith("oci-archive:")) {
      String[] pathTag = splitTag(text.substring(12));
      return new OciArchive(Path.of(pathTag[0]), pathTag[1]);
    }
    if (text.startsWith("docker-archive:")) {
      return new DockerArchive(Path.of(text.substring(15)));
    }
    if (text.startsWith("tar:")) {
      return new RootfsTar(Path.of(text.substring(4)));
    }
    return new Registry(RegistryRef.parse(text.startsWith("docker://") ? text.substring(9) : text));
  }

  /** {@code /a/b:tag} splits at the last colon after the last slash. */
  private static String[] splitTag(String pathAndTag) {
    int colon = pathAndTag.lastIndexOf(':');
    if (colon > pathAndTag.lastIndexOf('/')) {
      return new String[] {pathAndTag.substring(0, colon), pathAndTag.substring(colon + 1)};
    }
    return new String[] {pathAndTag, null};
  }

  /** The reference recorded with the image. */
  String describe();
}
