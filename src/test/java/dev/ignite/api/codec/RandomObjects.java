package dev.ignite.api.codec;

import dev.ignite.api.ApiObject;
import dev.ignite.api.Condition;
import dev.ignite.api.Configuration;
import dev.ignite.api.FileMapping;
import dev.ignite.api.Image;
import dev.ignite.api.Kernel;
import dev.ignite.api.KernelSpec;
import dev.ignite.api.ObjectMeta;
import dev.ignite.api.OciSource;
import dev.ignite.api.PortMapping;
import dev.ignite.api.Size;
import dev.ignite.api.SshSpec;
import dev.ignite.api.StorageSpec;
import dev.ignite.api.Uid;
import dev.ignite.api.Vm;
import dev.ignite.api.VmSpec;
import dev.ignite.api.VmStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/** Valid API objects with random content, including text that YAML would misread unquoted. */
final class RandomObjects {
  private static final String[] TRICKY = {
    "yes",
    "no",
    "true",
    "True",
    "null",
    "~",
    "123",
    "0x1F",
    "1.5",
    "a: b",
    "#not a comment",
    "- item",
    "",
    " leading",
    "trailing ",
    "multi\nline",
    "quote\"d",
    "ünïcödé",
    "@at",
    "*star",
    "console=ttyS0 root=/dev/vda",
    "{flow}",
    "[list]",
    "'single'"
  };

  private final Random random;

  RandomObjects(long seed) {
    this.random = new Random(seed);
  }

  ApiObject any() {
    return switch (random.nextInt(4)) {
      case 0 -> new Image(meta(), word(), maybe(this::source));
      case 1 -> new Kernel(meta(), word(), maybe(this::text), maybe(this::source));
      case 2 -> configuration();
      default -> vm();
    };
  }

  Vm vm() {
    VmSpec spec = spec().withImage(word());
    return new Vm(meta(), spec, random.nextBoolean() ? VmStatus.EMPTY : status());
  }

  private Configuration configuration() {
    return new Configuration(
        meta(), maybe(this::word), maybe(this::word), spec(), maybe(this::word), list(this::word));
  }

  private ObjectMeta meta() {
    return new ObjectMeta(
        random.nextInt(5) == 0 ? null : "vm-" + random.nextInt(100000),
        maybe(() -> random.nextBoolean() ? Uid.generate() : new Uid("" + random.nextInt(99999))),
        maybe(this::instant),
        map(),
        map());
  }

  VmSpec spec() {
    return new VmSpec(
        maybe(this::word),
        maybe(() -> new KernelSpec(maybe(this::word), maybe(this::text))),
        maybe(this::word),
        maybe(() -> 1 + random.nextInt(64)),
        maybe(this::size),
        maybe(this::size),
        maybe(() -> list(this::port)),
        maybe(this::storage),
        maybe(() -> list(() -> new FileMapping("/h/" + word(), "/v/" + text()))),
        maybe(this::ssh));
  }

  private VmStatus status() {
    return new VmStatus(
        random.nextBoolean(),
        maybe(this::instant),
        maybe(() -> new VmStatus.RuntimeStatus(maybe(this::word), maybe(this::text))),
        maybe(
            () ->
                new VmStatus.NetworkStatus(
                    maybe(this::word), list(() -> "10.0.2." + random.nextInt(255)))),
        maybe(this::source),
        maybe(this::source),
        maybe(this::text),
        list(this::condition));
  }

  private Condition condition() {
    String[] statuses = {"True", "False", "Unknown"};
    return new Condition(
        "Ready" + random.nextInt(3),
        statuses[random.nextInt(3)],
        maybe(this::text),
        maybe(this::text),
        maybe(this::instant));
  }

  private PortMapping port() {
    return new PortMapping(
        1 + random.nextInt(65535),
        1 + random.nextInt(65535),
        random.nextBoolean() ? "127.0.0.1" : "::1",
        random.nextBoolean() ? PortMapping.Protocol.TCP : PortMapping.Protocol.UDP);
  }

  private StorageSpec storage() {
    List<StorageSpec.Volume> volumes =
        list(() -> new StorageSpec.Volume("vol" + random.nextInt(1000), "/dev/" + word()));
    List<StorageSpec.VolumeMount> mounts = new ArrayList<>();
    volumes.forEach(v -> mounts.add(new StorageSpec.VolumeMount(v.name(), "/mnt/" + text())));
    return new StorageSpec(volumes, mounts);
  }

  private SshSpec ssh() {
    return switch (random.nextInt(3)) {
      case 0 -> SshSpec.GENERATE;
      case 1 -> SshSpec.DISABLED;
      default -> SshSpec.publicKey("/keys/" + text());
    };
  }

  private OciSource source() {
    return new OciSource(
        maybe(() -> "sha256:" + Long.toHexString(random.nextLong())),
        maybe(this::size),
        list(() -> word() + "@sha256:" + random.nextInt()));
  }

  private Size size() {
    long bytes =
        random.nextBoolean()
            ? (long) random.nextInt(4096) << (10 * random.nextInt(4))
            : random.nextLong() >>> 20;
    return Size.ofBytes(bytes);
  }

  private Instant instant() {
    return Instant.ofEpochSecond(
        random.nextInt(2_000_000_000), random.nextBoolean() ? 0 : random.nextInt(1_000_000_000));
  }

  private Map<String, String> map() {
    Map<String, String> m = new HashMap<>();
    for (int i = random.nextInt(3); i > 0; i--) {
      m.put("k" + random.nextInt(100), text());
    }
    return m;
  }

  private String word() {
    return "w" + Integer.toString(random.nextInt(1 << 20), 36);
  }

  private String text() {
    return random.nextBoolean() ? word() : TRICKY[random.nextInt(TRICKY.length)];
  }

  private <T> List<T> list(Supplier<T> each) {
    List<T> out = new ArrayList<>();
    for (int i = random.nextInt(3); i > 0; i--) {
      out.add(each.get());
    }
    return out;
  }

  private <T> T maybe(Supplier<T> value) {
    return random.nextInt(4) == 0 ? null : value.get();
  }
}
