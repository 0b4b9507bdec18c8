package dev.ignite.adapters.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignite.api.Vm;
import dev.ignite.api.codec.Decoded;
import dev.ignite.api.codec.ManifestDecoder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fast reader must read what the strict codec reads or step aside. VmFileFuzzTest found it
 * reading a store file the codec refuses (crash-27f12026…: bindAddress "1270.0..1"); each value
 * here is one the codec refuses, which the fast reader used to accept.
 */
class FastVmReaderFindingsTest {
  static final String VM =
      """
      {"apiVersion": "ignite.weave.works/v1alpha4", "kind": "VM",
       "metadata": {"name": "web", "uid": "a94a857a6d50630d", "created": "2026-12-07T16:57:52Z"},
       "spec": {"image": {"oci": "busybox"}, "kernel": {"oci": "host", "cmdLine": "console=ttyS0"},
        "cpus": 1, "memory": "512MB", "diskSize": "4GB",
        "network": {"ports": [{"hostPort": 2222, "vmPort": 22, "bindAddress": "127.0.0.1", "protocol": "tcp"}]},
        "storage": {"volumes": [{"name": "data", "blockDevice": {"path": "/dev/sdb"}}],
                    "volumeMounts": [{"name": "data", "mountPath": "/mnt"}]},
        "copyFiles": [{"hostPath": "/etc/hosts", "vmPath": "/etc/hosts"}], "ssh": "/k.pub"},
       "status": {"running": true, "startTime": "2026-11-02T10:15:30Z",
        "network": {"plugin": "user", "ipAddresses": ["10.0.2.15"]},
        "conditions": [{"type": "Ready", "status": "True", "lastTransitionTime": "2026-11-02T10:15:47Z"}]}}
      """;

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"127.0.0.1\"|\"1270.0..1\"",
        "\"127.0.0.1\"|\"127.0.0.1,smb=/\"",
        "\"protocol\": \"tcp\"|\"protocol\": \"TCP\"",
        "\"hostPort\": 2222|\"hostPort\": 0",
        "\"vmPort\": 22|\"vmPort\": 65536",
        "\"hostPort\": 2222, |''",
        "\"cpus\": 1|\"cpus\": 0",
        "\"cpus\": 1|\"cpus\": 1025",
        "\"oci\": \"busybox\"|\"oci\": \"\"",
        "\"oci\": \"host\"|\"oci\": \"\"",
        "\"ssh\": \"/k.pub\"|\"ssh\": \"\"",
        "\"hostPath\": \"/etc/hosts\"|\"hostPath\": \"\"",
        "\"path\": \"/dev/sdb\"|\"path\": \"dev/sdb\"",
        "\"mountPath\": \"/mnt\"|\"mountPath\": \"mnt\"",
        "\"name\": \"data\", \"mountPath\"|\"name\": \"other\", \"mountPath\"",
        "\"name\": \"data\", \"blockDevice\"|\"name\": \"Data!\", \"blockDevice\"",
        "\"type\": \"Ready\"|\"type\": \"\"",
        "\"status\": \"True\"|\"status\": \"Maybe\"",
      })
  void stepsAsideForWhatTheCodecRefuses(String from, String to) {
    String json = VM.replace(from, to);
    assertThat(json).isNotEqualTo(VM);

    assertThat(ManifestDecoder.decode("f.json", json).errors()).isNotEmpty();
    assertThat(FastVmReader.read(json)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"ipAddresses\": [\"10.0.2.15\"]|\"ipAddresses\": []",
        "2026-11-02T10:15:30Z|2026-11-02T11:15:30+01:00",
      })
  void readsWhatTheCodecReadsForNoAddressesAndAnOffsetTime(String from, String to) {
    String json = VM.replace(from, to);
    Decoded strict = ManifestDecoder.decode("f.json", json);
    assertThat(strict.errors()).isEmpty();

    assertThat(FastVmReader.read(json)).contains((Vm) strict.objects().get(0).object());
  }
}
