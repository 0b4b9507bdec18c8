package dev.ignite.adapters.oci.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ignite.adapters.oci.archive.LayoutImporter;
import dev.ignite.ports.ImageException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ManifestJsonTest {
  private static final String A = "sha256:" + "a".repeat(64);
  private static final String B = "sha256:" + "b".repeat(64);
  private static final String C = "sha256:" + "c".repeat(64);

  private static byte[] json(String text) {
    return text.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void readsAnOciManifestsConfigAndLayersInOrder() {
    ManifestDocument doc =
        ManifestJson.parse(
            json(
                "{'schemaVersion':2,'mediaType':'application/vnd.oci.image.manifest.v1+json',"
                    + "'config':{'mediaType':'application/vnd.oci.image.config.v1+json','digest':'"
                    + A
                    + "','size':7},'layers':[{'mediaType':'x','digest':'"
                    + B
                    + "','size':100},{'mediaType':'y','digest':'"
                    + C
                    + "','size':200}]}"),
            null,
            "manifest of r");
    assertThat(doc).isInstanceOf(ImageManifest.class);
    ImageManifest m = (ImageManifest) doc;
    assertThat(m.config().digest()).isEqualTo(A);
    assertThat(m.config().size()).isEqualTo(7);
    assertThat(m.layers()).extracting(Descriptor::digest).containsExactly(B, C);
    assertThat(m.layers()).extracting(Descriptor::size).containsExactly(100L, 200L);
  }

  @Test
  void unknownFieldsOfAnyShapeAreSkipped() {
    ImageManifest m =
        ManifestJson.manifest(
            json(
                "{'future':{'deep':[1,{'x':null}],'n':1.5},'annotations':{'a':'b','n':3},"
                    + "'config':{'digest':'"
                    + A
                    + "','size':1,'urls':['http://x'],'data':'e30='},"
                    + "'layers':[{'digest':'"
                    + B
                    + "','size':2,'annotations':{'k':'v','odd':[1]}}],'subject':null}"),
            "manifest of r");
    assertThat(m.layers())
        .singleElement()
        .satisfies(l -> assertThat(l.annotation("k")).contains("v"));
  }

  @Test
  void readsAnOciIndexWithPlatformsAndAnnotations() {
    ManifestDocument doc =
        ManifestJson.parse(
            json(
                "{'schemaVersion':2,'manifests':[{'mediaType':'m','digest':'"
                    + A
                    + "','size':5,'platform':{'architecture':'arm64','os':'linux','variant':'v8'}},"
                    + "{'digest':'"
                    + B
                    + "','size':6,'platform':{'architecture':'amd64','os':'linux'},"
                    + "'annotations':{'org.opencontainers.image.ref.name':'1'}}]}"),
            "application/vnd.oci.image.index.v1+json",
            "index of r");
    ImageIndex index = (ImageIndex) doc;
    assertThat(index.manifests()).hasSize(2);
    assertThat(MediaTypes.linuxAmd64(index, "index of r").digest()).isEqualTo(B);
    assertThat(index.manifests().get(1).annotation(LayoutImporter.REF_NAME)).contains("1");
  }

  @Test
  void aDockerManifestListIsAnIndexByItsMediaType() {
    ManifestDocument doc =
        ManifestJson.parse(
            json(
                "{'schemaVersion':2,'mediaType':"
                    + "'application/vnd.docker.distribution.manifest.list.v2+json',"
                    + "'manifests':[{'mediaType':'application/vnd.docker.distribution.manifest.v2+json',"
                    + "'digest':'"
                    + A
                    + "','size':528,'platform':{'architecture':'amd64','os':'linux'}}]}"),
            "application/json",
            "index of r");
    assertThat(doc).isInstanceOf(ImageIndex.class);
    assertThat(((ImageIndex) doc).manifests().get(0).platform())
        .contains(new Descriptor.Platform("linux", "amd64"));
  }

  @Test
  void aDockerV2ManifestIsAManifestByTheContentTypeHeader() {
    ManifestDocument doc =
        ManifestJson.parse(
            json("{'config':{'digest':'" + A + "','size':1},'layers':[]}"),
            "application/vnd.docker.distribution.manifest.v2+json; charset=utf-8",
            "manifest of r");
    assertThat(doc).isInstanceOf(ImageManifest.class);
  }

  @Test
  void aManifestWithoutConfigIsAnErrorNamingTheDocument() {
    assertThatThrownBy(
            () ->
                ManifestJson.parse(
                    json("{'mediaType':'application/vnd.oci.image.manifest.v1+json','layers':[]}"),
                    null,
                    "manifest of 127.0.0.1:5000/x:1"))
        .isInstanceOf(ImageException.class)
        .hasMessage("manifest of 127.0.0.1:5000/x:1: no config (is it an image manifest?)");
  }

  @Test
  void aLayerWithoutDigestOrSizeIsAnErrorNamingTheLayer() {
    assertThatThrownBy(
            () ->
                ManifestJson.manifest(
                    json("{'config':{'digest':'" + A + "','size':1},'layers':[{'size':3}]}"),
                    "manifest of r"))
        .isInstanceOf(ImageException.class)
        .hasMessage("manifest of r: layer 1 has no digest");
    assertThatThrownBy(
            () ->
                ManifestJson.manifest(
                    json(
                        "{'config':{'digest':'"
                            + A
                            + "','size':1},'layers':[{'digest':'"
                            + B
                            + "'}]}"),
                    "manifest of r"))
        .hasMessage("manifest of r: layer 1 has no size");
  }

  @Test
  void anIndexWithoutManifestsIsAnError() {
    assertThatThrownBy(
            () -> ManifestJson.index(json("{'schemaVersion':2}"), "OCI layout d index.json"))
        .isInstanceOf(ImageException.class)
        .hasMessage("OCI layout d index.json: no manifests (is it an image index?)");
  }

  @Test
  void wrongTypesAndBrokenJsonAreClearErrors() {
    assertThatThrownBy(
            () ->
                ManifestJson.manifest(
                    json("{'config':{'digest':'" + A + "','size':'1'},'layers':[]}"),
                    "manifest of r"))
        .hasMessage("manifest of r: config size: expected an integer but found a string");
    assertThatThrownBy(() -> ManifestJson.manifest(json("{'config':"), "manifest of r"))
        .isInstanceOf(ImageException.class)
        .hasMessageStartingWith("manifest of r: not valid JSON");
    assertThatThrownBy(() -> ManifestJson.manifest(json("[]"), "manifest of r"))
        .hasMessage("manifest of r: expected an object but found an array");
  }
}
