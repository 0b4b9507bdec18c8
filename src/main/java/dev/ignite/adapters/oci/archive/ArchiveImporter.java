package dev.ignite.adapters.oci.archive;

import com.fasterxml.jackson.core.JsonParser;
import dev.ignite.adapters.oci.cache.ImportSession;
import dev.ignite.adapters.oci.manifest.Digests;
import dev.ignite.adapters.oci.manifest.ImageContent;
import dev.ignite.adapters.oci.manifest.Json;
import dev.ignite.adapters.oci.unpack.Decompression;
import dev.ignite.adapters.oci.unpack.LayerTar;
import dev.ignite.adapters.oci.unpack.TarKind;
import dev.ignite.ports.ImageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/**
 * Imports {@code oci-archive:FILE} (a tar of an OCI layout) and {@code docker-archive:FILE} ({@code
 * docker save}). Members are streamed once into the blob store; their names are only map keys,
 * never paths, so a hostile archive cannot write outside the cache.
 */
public final class ArchiveImporter {
  /** One image of a {@code docker save} manifest.json: member names of its config and layers. */
  public record DockerManifest(String config, List<String> layers) {}

  private final Map<String, String> digestByName = new HashMap<>();
  private final Map<String, String> linkByName = new HashMap<>();
  private final Map<String, byte[]> small = new HashMap<>();
  private final ImportSession session;
  private final String where;

  private ArchiveImporter(ImportSession session, String where) {
    this.session = session;
    this.where = where;
  }

  public static ImageContent ociArchive(Path file, String tag, ImportSession session)
      throws IOException {
    ArchiveImporter a = read(file, session, "OCI archive " + file);
    byte[] index = a.small.get("index.json");
    if (index == null) {
      throw new ImageException(a.where + " has no index.json; is it an oci-archive?");
    }
    var top = LayoutImporter.choose(index, tag, a.where);
    ImageContent content = LocalManifests.resolve(top, a::openByDigest, session, a.where);
    a.keepOnly(content);
    return content;
  }

  public static ImageContent dockerArchive(Path file, ImportSession session) throws IOException {
    ArchiveImporter a = read(file, session, "docker archive " + file);
    byte[] manifestJson = a.small.get("manifest.json");
    if (manifestJson == null) {
      throw new ImageException(a.where + " has no manifest.json; is it a `docker save` tar?");
    }
    List<DockerManifest> images = dockerManifests(manifestJson, a.where + " manifest.json");
    if (images.size() != 1) {
      throw new ImageException(
          a.where + " holds " + images.size() + " images; save one image per archive");
    }
    String config = a.digestOf(images.get(0).config());
    List<String> layers = images.get(0).layers().stream().map(a::digestOf).toList();
    ImageContent content = new ImageContent(config, layers, List.of());
    a.keepOnly(content);
    return content;
  }

  public static List<DockerManifest> dockerManifests(byte[] json, String where) {
    return Json.parse(
        json, where, p -> Json.array(p, where, (e, i) -> dockerManifest(e, where, i + 1)));
  }

  private static DockerManifest dockerManifest(JsonParser p, String where, int image)
      throws IOException {
    String[] config = new String[1];
    List<List<String>> layers = new ArrayList<>();
    Json.object(
        p,
        where,
        (name, v) -> {
          if (name.equals("Config")) {
            config[0] = Json.text(v, where + " Config");
          } else if (name.equals("Layers")) {
            layers.add(Json.array(v, where, (e, i) -> layerName(e, where, image, i + 1)));
          } else {
            return false;
          }
          return true;
        });
    if (config[0] == null || layers.isEmpty()) {
      throw new ImageException(where + ": an image without Config or Layers");
    }
    return new DockerManifest(config[0], layers.get(0));
  }

  /** A layer's member name; a JSON null would reach the import as no name at all. */
  private static String layerName(JsonParser p, String where, int image, int layer)
      throws IOException {
    String name = Json.text(p, where + " Layers");
    if (name == null) {
      throw new ImageException(
          where + ": image " + image + " Layers[" + layer + "] is null, not a member name");
    }
    return name;
  }

  private static ArchiveImporter read(Path file, ImportSession session, String where)
      throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new ImageException(where + " does not exist or is not a file");
    }
    ArchiveImporter a = new ArchiveImporter(session, where);
    try (InputStream raw = Decompression.open(Files.newInputStream(file))) {
      LayerTar in = new LayerTar(raw);
      for (TarArchiveEntry e; (e = in.next()) != null; ) {
        a.member(normalise(e.getName()), e, in);
      }
    }
    return a;
  }

  private void member(String name, TarArchiveEntry e, InputStream in) throws IOException {
    TarKind kind = TarKind.of(e);
    if (kind == TarKind.SYMLINK) {
      String parent = name.contains("/") ? name.substring(0, name.lastIndexOf('/') + 1) : "";
      linkByName.put(name, normalise(parent + e.getLinkName()));
    } else if (kind == TarKind.HARD_LINK) {
      linkByName.put(name, normalise(e.getLinkName()));
    } else if (kind == TarKind.FILE) {
      if (name.endsWith(".json") && e.getSize() < (4 << 20)) {
        byte[] bytes = in.readAllBytes();
        small.put(name, bytes);
        in = new java.io.ByteArrayInputStream(bytes);
      }
      digestByName.put(name, session.putComputing(in));
    }
  }

  private String digestOf(String name) {
    String n = normalise(name);
    for (int hops = 0; linkByName.containsKey(n) && hops < 16; hops++) {
      n = linkByName.get(n);
    }
    String digest = digestByName.get(n);
    if (digest == null) {
      throw new ImageException(where + " is missing member " + name);
    }
    return digest;
  }

  private InputStream openByDigest(String digest) throws IOException {
    String hex = Digests.hex(digest);
    String stored = digestOf("blobs/sha256/" + hex);
    if (!stored.equals(digest)) {
      throw new ImageException(where + ": blobs/sha256/" + hex + " does not match its digest");
    }
    return Files.newInputStream(session.store().path(digest));
  }

  private void keepOnly(ImageContent content) {
    var used = new java.util.HashSet<>(content.layers());
    used.add(content.configDigest());
    session.keepOnly(used);
  }

  /** Lexical clean-up of a member name ({@code ./a/../b} is {@code b}); used as a key only. */
  private static String normalise(String name) {
    java.util.Deque<String> parts = new java.util.ArrayDeque<>();
    for (String p : name.split("/")) {
      if (p.isEmpty() || p.equals(".")) {
        continue;
      }
      if (p.equals("..")) {
        parts.pollLast();
      } else {
        parts.addLast(p);
      }
    }
    return String.join("/", parts);
  }
}
