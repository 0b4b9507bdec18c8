package dev.ignite.api.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignite.api.Defaults;
import dev.ignite.api.Vm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ManifestEncoderTest {

  private static Vm sample() throws IOException {
    String text = Files.readString(Path.of("examples/my-vm.yaml"));
    return (Vm) ManifestDecoder.decode("my-vm.yaml", text).orThrow().get(0).object();
  }

  @Test
  void writesTheSampleAsV1alpha4YamlInFixedKeyOrder() throws IOException {
    assertThat(ManifestEncoder.toYaml(sample()))
        .isEqualTo(
            """
            apiVersion: ignite.weave.works/v1alpha4
            kind: VM
            metadata:
              name: my-vm
              uid: 599615df99804ae8
            spec:
              image:
                oci: weaveworks/ignite-ubuntu
              cpus: 2
              memory: 800MB
              diskSize: 3GB
              ssh: true
            status:
              running: true
            """);
  }

  @Test
  void writesPrettyJsonWithTwoSpaceIndent() throws IOException {
    Vm vm = sample();

    assertThat(ManifestEncoder.toJson(vm.withSpec(Defaults.apply(vm.spec()))))
        .isEqualTo(
            """
            {
              "apiVersion": "ignite.weave.works/v1alpha4",
              "kind": "VM",
              "metadata": {
                "name": "my-vm",
                "uid": "599615df99804ae8"
              },
              "spec": {
                "image": {
                  "oci": "weaveworks/ignite-ubuntu"
                },
                "kernel": {
                  "oci": "host",
                  "cmdLine": "console=ttyS0 reboot=k panic=-1 root=/dev/vda rw net.ifnames=0"
                },
                "cpus": 2,
                "memory": "800MB",
                "diskSize": "3GB",
                "network": {
                  "ports": []
                },
                "storage": {},
                "copyFiles": [],
                "ssh": true
              },
              "status": {
                "running": true
              }
            }
            """);
  }
}
