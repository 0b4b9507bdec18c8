package dev.ignite.adapters.oci.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerCredentialsTest {
  @TempDir Path dir;

  @Test
  void readsBase64UserAndPasswordForTheRegistryHost() throws Exception {
    String auth = Base64.getEncoder().encodeToString("alice:s3cr:et".getBytes());
    Path config =
        Files.writeString(
            dir.resolve("config.json"),
            "{\"auths\":{\"127.0.0.1:5000\":{\"auth\":\""
                + auth
                + "\"},"
                + "\"https://index.docker.io/v1/\":{\"auth\":\""
                + auth
                + "\"}}}");
    assertThat(DockerCredentials.forRegistry(config, "127.0.0.1:5000"))
        .contains(new DockerCredentials.Credentials("alice", "s3cr:et"));
    assertThat(DockerCredentials.forRegistry(config, RegistryRef.DOCKER_HUB)).isPresent();
    assertThat(DockerCredentials.forRegistry(config, "other.example:5000")).isEmpty();
  }

  @Test
  void readsUsernameAndPasswordWhenThereIsNoAuthAndIgnoresOtherKeys() throws Exception {
    Path config =
        Files.writeString(
            dir.resolve("config.json"),
            "{\"credsStore\":\"desktop\",\"auths\":{\"http://reg:5000\":"
                + "{\"username\":\"bob\",\"password\":\"pw\",\"email\":\"b@x\"},"
                + "\"empty:1\":{}},\"proxies\":{\"default\":{}}}");
    assertThat(DockerCredentials.forRegistry(config, "reg:5000"))
        .contains(new DockerCredentials.Credentials("bob", "pw"));
    assertThat(DockerCredentials.forRegistry(config, "empty:1")).isEmpty();
  }

  @Test
  void configPathComesFromDockerConfigThenHome() {
    assertThat(DockerCredentials.defaultLocation(Map.of("DOCKER_CONFIG", "/etc/d"), "/root"))
        .isEqualTo(Path.of("/etc/d/config.json"));
    assertThat(DockerCredentials.defaultLocation(Map.of(), "/home/u"))
        .isEqualTo(Path.of("/home/u/.docker/config.json"));
  }
}
