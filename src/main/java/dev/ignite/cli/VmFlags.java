package dev.ignite.cli;

import dev.ignite.api.KernelSpec;
import dev.ignite.api.ObjectMeta;
import dev.ignite.api.SshSpec;
import dev.ignite.api.StorageSpec;
import dev.ignite.api.Vm;
import dev.ignite.api.VmSpec;
import dev.ignite.core.ImageService;
import dev.ignite.core.VmLayers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The flags that describe a new VM, shared by {@code create} and {@code run}. */
final class VmFlags {
  @Parameters(index = "0", arity = "0..1", paramLabel = "IMAGE", description = "OCI image")
  String image;

  @Option(names = "--config", paramLabel = "FILE", description = "A VM manifest (YAML or JSON)")
  String config;

  @Option(names = "--name", description = "VM name (default: generated)")
  String name;

  @Option(names = "--cpus", description = "Number of vCPUs")
  Integer cpus;

  @Option(names = "--memory", paramLabel = "SIZE", description = "RAM, e.g. 800MB")
  String memory;

  @Option(names = "--size", paramLabel = "SIZE", description = "Root disk size, e.g. 4GB")
  String size;

  @Option(
      names = "--ssh",
      arity = "0..1",
      fallbackValue = "",
      paramLabel = "PUBKEY",
      description = "Generate an SSH key, or authorise the public key file PUBKEY")
  String ssh;

  @Option(names = "--kernel-image", paramLabel = "OCI", description = "Kernel image or 'host'")
  String kernelImage;

  @Option(names = "--kernel-args", paramLabel = "CMDLINE", description = "Kernel command line")
  String kernelArgs;

  @Option(
      names = {"-p", "--ports"},
      paramLabel = "[BIND:]HOST:VM[/PROTO]",
      description = "Forward a host port")
  List<String> ports = new ArrayList<>();

  @Option(
      names = {"-f", "--copy-files"},
      paramLabel = "HOST:VM",
      description = "Copy a host file into the VM")
  List<String> copyFiles = new ArrayList<>();

  @Option(
      names = {"-l", "--label"},
      paramLabel = "KEY=VALUE",
      description = "Add a label")
  List<String> labels = new ArrayList<>();

  @Option(
      names = {"-v", "--volume"},
      paramLabel = "HOSTPATH:MOUNTPATH",
      description = "Attach a raw image file or block device, mounted in the guest at MOUNTPATH")
  List<String> volumes = new ArrayList<>();

  /** The create request: flags over the --config file. */
  Vm request() {
    return request(config != null ? VmFile.read(config) : null);
  }

  /**
   * The create request with its image reference normalised, so that the VM names one image wherever
   * it is started from ({@code oci:./x} becomes an absolute path).
   */
  Vm request(ImageService images) {
    Vm r = request();
    String image = r.spec().image();
    return image == null || image.isBlank()
        ? r
        : new Vm(r.metadata(), r.spec().withImage(images.normalise(image)), r.status());
  }

  private Vm request(Vm file) {
    VmSpec fileSpec = file != null ? file.spec() : VmSpec.UNSET;
    ObjectMeta fileMeta = file != null ? file.metadata() : ObjectMeta.named(null);
    Map<String, String> mergedLabels = new LinkedHashMap<>(fileMeta.labels());
    mergedLabels.putAll(FlagParsers.labels(labels));
    ObjectMeta meta =
        fileMeta.withName(name != null ? name : fileMeta.name()).withLabels(mergedLabels);
    return new Vm(meta, VmLayers.request(flagSpec(), fileSpec), null);
  }

  private VmSpec flagSpec() {
    VmSpec s =
        VmSpec.UNSET
            .withImage(image)
            .withCpus(cpus)
            .withMemory(memory == null ? null : FlagParsers.size("--memory", memory))
            .withDiskSize(size == null ? null : FlagParsers.size("--size", size));
    if (kernelImage != null || kernelArgs != null) {
      s = s.withKernel(new KernelSpec(kernelImage, kernelArgs));
    }
    if (ssh != null) {
      s = s.withSsh(ssh.isEmpty() ? SshSpec.GENERATE : SshSpec.publicKey(ssh));
    }
    if (!ports.isEmpty()) {
      s = s.withPorts(ports.stream().map(FlagParsers::port).toList());
    }
    if (!volumes.isEmpty()) {
      s = s.withStorage(volumeStorage());
    }
    if (!copyFiles.isEmpty()) {
      s = s.withCopyFiles(copyFiles.stream().map(FlagParsers::copyFile).toList());
    }
    return s;
  }

  private StorageSpec volumeStorage() {
    List<StorageSpec.Volume> vs = new ArrayList<>();
    List<StorageSpec.VolumeMount> ms = new ArrayList<>();
    for (String text : volumes) {
      int colon = text.lastIndexOf(':');
      if (colon <= 0 || !text.substring(colon + 1).startsWith("/")) {
        throw new CliException(
            "--volume \"" + text + "\": want HOSTPATH:MOUNTPATH, e.g. /srv/data.img:/data");
      }
      String name = "volume" + vs.size();
      String host =
          java.nio.file.Path.of(text.substring(0, colon)).toAbsolutePath().normalize().toString();
      vs.add(new StorageSpec.Volume(name, host));
      ms.add(new StorageSpec.VolumeMount(name, text.substring(colon + 1)));
    }
    return new StorageSpec(vs, ms);
  }
}
