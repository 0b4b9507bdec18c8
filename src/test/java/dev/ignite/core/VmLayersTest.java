package dev.ignite.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignite.api.Configuration;
import dev.ignite.api.Defaults;
import dev.ignite.api.FileMapping;
import dev.ignite.api.KernelSpec;
import dev.ignite.api.ObjectMeta;
import dev.ignite.api.PortMapping;
import dev.ignite.api.Size;
import dev.ignite.api.SshSpec;
import dev.ignite.api.VmSpec;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Built-in defaults < vmDefaults < --config file < flags, for every field and every layer. */
class VmLayersTest {
  enum Layer {
    BUILT_IN,
    VM_DEFAULTS,
    FILE,
    FLAGS
  }

  /** A field, how to read and set it, and one distinct value per settable layer. */
  record Field(
      String name,
      Function<VmSpec, Object> get,
      BiFunction<VmSpec, Object, VmSpec> set,
      Object builtIn,
      List<Object> values) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Field> fields() {
    return List.of(
        new Field(
            "image",
            VmSpec::image,
            (s, v) -> s.withImage((String) v),
            null,
            List.of("img/defaults", "img/file", "img/flag")),
        new Field(
            "kernel.oci",
            s -> s.kernel().oci(),
            (s, v) -> s.withKernel(new KernelSpec((String) v, null)),
            Defaults.KERNEL,
            List.of("k/defaults", "k/file", "k/flag")),
        new Field(
            "kernel.cmdLine",
            s -> s.kernel().cmdLine(),
            (s, v) -> s.withKernel(new KernelSpec(null, (String) v)),
            Defaults.CMDLINE,
            List.of("console=defaults", "console=file", "console=flag")),
        new Field(
            "cpus",
            VmSpec::cpus,
            (s, v) -> s.withCpus((Integer) v),
            Defaults.CPUS,
            List.of(2, 3, 4)),
        new Field(
            "memory",
            VmSpec::memory,
            (s, v) -> s.withMemory((Size) v),
            Defaults.MEMORY,
            List.of(Size.ofMiB(600), Size.ofMiB(800), Size.ofGiB(1))),
        new Field(
            "diskSize",
            VmSpec::diskSize,
            (s, v) -> s.withDiskSize((Size) v),
            Defaults.DISK_SIZE,
            List.of(Size.ofGiB(2), Size.ofGiB(3), Size.ofGiB(5))),
        new Field(
            "ports",
            VmSpec::ports,
            (s, v) -> s.withPorts(castList(v)),
            List.of(),
            List.of(
                List.of(new PortMapping(1, 1, null, null)),
                List.of(new PortMapping(2, 2, null, null)),
                List.of(new PortMapping(3, 3, null, null)))),
        new Field(
            "copyFiles",
            VmSpec::copyFiles,
            (s, v) -> s.withCopyFiles(castList(v)),
            List.of(),
            List.of(
                List.of(new FileMapping("/a", "/a")),
                List.of(new FileMapping("/b", "/b")),
                List.of(new FileMapping("/c", "/c")))),
        new Field(
            "ssh",
            VmSpec::ssh,
            (s, v) -> s.withSsh((SshSpec) v),
            null,
            List.of(SshSpec.publicKey("/d.pub"), SshSpec.GENERATE, SshSpec.publicKey("/f.pub"))));
  }

  @SuppressWarnings("unchecked")
  private static <T> List<T> castList(Object v) {
    return (List<T>) v;
  }

  static Stream<Arguments> fieldAndTopLayer() {
    return fields().stream().flatMap(f -> Stream.of(Layer.values()).map(l -> Arguments.of(f, l)));
  }

  @ParameterizedTest(name = "{0} set up to {1}")
  @MethodSource("fieldAndTopLayer")
  void highestLayerThatSetsAFieldWins(Field f, Layer top) {
    assertThat(f.get().apply(complete(f, top, true))).isEqualTo(expected(f, top));
  }

  @ParameterizedTest(name = "{0} set only in {1}")
  @MethodSource("fieldAndTopLayer")
  void aFieldSetInOneLayerOnlyComesFromThatLayer(Field f, Layer only) {
    assertThat(f.get().apply(complete(f, only, false))).isEqualTo(expected(f, only));
  }

  /** Sets the field in layer {@code top}, and also below it when {@code alsoBelow}. */
  private static VmSpec complete(Field f, Layer top, boolean alsoBelow) {
    VmSpec[] layers = {VmSpec.UNSET, VmSpec.UNSET, VmSpec.UNSET};
    for (Layer l : List.of(Layer.VM_DEFAULTS, Layer.FILE, Layer.FLAGS)) {
      boolean set = l == top || (alsoBelow && l.ordinal() < top.ordinal());
      if (set) {
        layers[l.ordinal() - 1] = f.set().apply(VmSpec.UNSET, f.values().get(l.ordinal() - 1));
      }
    }
    Configuration config =
        new Configuration(ObjectMeta.named("c"), null, null, layers[0], null, List.of());
    return VmLayers.complete(VmLayers.request(layers[2], layers[1]), config, Defaults.BUILT_IN);
  }

  private static Object expected(Field f, Layer top) {
    return top == Layer.BUILT_IN ? f.builtIn() : f.values().get(top.ordinal() - 1);
  }
}
