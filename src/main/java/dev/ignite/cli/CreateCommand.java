package dev.ignite.cli;

import dev.ignite.api.KernelSpec;
import dev.ignite.api.ObjectMeta;
import dev.ignite.api.SshSpec;
import dev.ignite.api.Vm;
import dev.ignite.api.VmSpec;
import dev.ignite.core.VmLayers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    description = {
      "Record a new VM in the store (it is booted by `ignite start`, coming with the runtime).",
      "Values come from, in rising priority: built-in defaults, the host Configuration's"
          + " vmDefaults, the --config file, then these flags."
    },
    footer = {
      "",
      "Examples:",
      "  ignite create weaveworks/ignite-ubuntu --name my-vm --cpus 2 --memory 1GB --ssh",
      "  ignite create --config my-vm.yaml --memory 2GB -p 127.0.0.1:2222:22"
    })
final class CreateCommand implements Runnable {
  @ParentCommand Ignite ignite;
  @Mixin GlobalFlags globalFlags;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

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

  @Override
  public void run() {
    Vm fromFile = config != null ? VmFile.read(config) : null;
    Vm request = request(fromFile);
    Vm created = ignite.wiring().vms().create(request);
    if (ignite.globals().quiet) {
      spec.commandLine().getOut().println(created.uid());
    } else {
      spec.commandLine()
          .getOut()
          .printf("Created VM %s with uid %s%n", created.name(), created.uid());
    }
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
    if (!copyFiles.isEmpty()) {
      s = s.withCopyFiles(copyFiles.stream().map(FlagParsers::copyFile).toList());
    }
    return s;
  }
}
