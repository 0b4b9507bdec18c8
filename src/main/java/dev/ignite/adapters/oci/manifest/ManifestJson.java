package dev.ignite.adapters.oci.manifest;

import com.fasterxml.jackson.core.JsonParser;
import dev.ignite.ports.ImageException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads manifests and indexes (OCI and Docker v2) into our records. Fields we do not use are
 * skipped; a missing field we need is an error naming the document ({@code where}).
 */
public final class ManifestJson {
  /** Every field of either kind of document, as read; which ones are required depends on kind. */
  private static final class Fields {
    String mediaType;
    Descriptor config;
    List<Descriptor> layers;
    List<Descriptor> manifests;
  }

  private ManifestJson() {}

  /**
   * A manifest or an index. The document's own {@code mediaType} decides, else the HTTP {@code
   * Content-Type} (may be null), else the presence of {@code manifests}.
   */
  public static ManifestDocument parse(byte[] json, String contentType, String where) {
    Fields f = Json.parse(json, where, p -> fields(p, where));
    String type = f.mediaType != null ? f.mediaType : contentType;
    boolean index =
        MediaTypes.isIndex(type)
            || (!MediaTypes.isManifest(type) && f.manifests != null && f.layers == null);
    return index ? asIndex(f, where) : asManifest(f, where);
  }

  static ImageManifest manifest(byte[] json, String where) {
    return asManifest(Json.parse(json, where, p -> fields(p, where)), where);
  }

  public static ImageIndex index(byte[] json, String where) {
    return asIndex(Json.parse(json, where, p -> fields(p, where)), where);
  }

  private static ImageManifest asManifest(Fields f, String where) {
    if (f.config == null) {
      throw new ImageException(where + ": no config (is it an image manifest?)");
    }
    if (f.layers == null) {
      throw new ImageException(where + ": no layers (is it an image manifest?)");
    }
    return new ImageManifest(f.config, f.layers);
  }

  private static ImageIndex asIndex(Fields f, String where) {
    if (f.manifests == null) {
      throw new ImageException(where + ": no manifests (is it an image index?)");
    }
    return new ImageIndex(f.manifests);
  }

  private static Fields fields(JsonParser p, String where) throws IOException {
    Fields f = new Fields();
    Json.object(
        p,
        where,
        (name, v) -> {
          switch (name) {
            case "mediaType" -> f.mediaType = Json.text(v, where + ": mediaType");
            case "config" -> f.config = descriptor(v, where, "config");
            case "layers" ->
                f.layers = Json.array(v, where, (e, i) -> descriptor(e, where, "layer " + (i + 1)));
            case "manifests" ->
                f.manifests =
                    Json.array(v, where, (e, i) -> descriptor(e, where, "manifest " + (i + 1)));
            default -> {
              return false;
            }
          }
          return true;
        });
    return f;
  }

  /** One descriptor; {@code what} names it in errors ("layer 2"). */
  static Descriptor descriptor(JsonParser p, String where, String what) throws IOException {
    String at = where + ": " + what;
    DescriptorFields d = new DescriptorFields();
    Json.object(
        p,
        at,
        (name, v) -> {
          switch (name) {
            case "mediaType" -> d.mediaType = Json.text(v, at + " mediaType");
            case "digest" -> d.digest = Json.text(v, at + " digest");
            case "size" -> d.size = Json.number(v, at + " size");
            case "platform" -> d.platform = platform(v, at + " platform");
            case "annotations" -> d.annotations = Json.strings(v, at + " annotations");
            default -> {
              return false;
            }
          }
          return true;
        });
    if (d.digest == null) {
      throw new ImageException(at + " has no digest");
    }
    if (d.size < 0) {
      throw new ImageException(at + " has no size");
    }
    return new Descriptor(
        d.mediaType, d.digest, d.size, Optional.ofNullable(d.platform), d.annotations);
  }

  private static final class DescriptorFields {
    String mediaType;
    String digest;
    long size = -1;
    Descriptor.Platform platform;
    Map<String, String> annotations = Map.of();
  }

  private static Descriptor.Platform platform(JsonParser p, String at) throws IOException {
    String[] osArch = new String[2];
    Json.object(
        p,
        at,
        (name, v) -> {
          switch (name) {
            case "os" -> osArch[0] = Json.text(v, at + " os");
            case "architecture" -> osArch[1] = Json.text(v, at + " architecture");
            default -> {
              return false;
            }
          }
          return true;
        });
    return new Descriptor.Platform(osArch[0], osArch[1]);
  }
}
