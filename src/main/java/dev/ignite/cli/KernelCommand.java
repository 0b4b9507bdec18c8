package dev.ignite.cli;

import dev.ignite.api.Kernel;
import dev.ignite.core.KernelResolver;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "kernel",
    mixinStandardHelpOptions = true,
    description = "Import, list and remove kernels.",
    subcommands = {KernelCommand.Import.class, KernelCommand.Ls.class, KernelCommand.Rm.class},
    footer = {"", "Example:", "  ignite kernel import host && ignite kernel ls"})
final class KernelCommand implements Runnable {
  @ParentCommand Ignite ignite;
  @Mixin GlobalFlags globalFlags;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description = {
        "Import a kernel: 'host' (the newest /boot/vmlinuz-* with its initrd, Debian package"
            + " linux-image-amd64), the path of a vmlinuz/vmlinux (an initrd beside it is"
            + " taken along), or an Ignite kernel image (boot/vmlinux or boot/vmlinuz, optional"
            + " lib/modules) by any image reference: oci:DIR[:TAG], a registry image, an archive."
            + " The version is read from the kernel itself."
      },
      footer = {
        "",
        "Examples:",
        "  ignite kernel import host",
        "  ignite kernel import /boot/vmlinuz-6.1.0-56-amd64",
        "  ignite kernel import oci:/var/lib/ignite-build/kernel/KEY/oci:6.1.192-ignite"
      })
  static final class Import implements Runnable {
    @ParentCommand KernelCommand parent;
    @Mixin GlobalFlags globalFlags;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "REF", description = "host, a kernel path, or a kernel image")
    String ref;

    @Override
    public void run() {
      Ignite ignite = parent.ignite;
      KernelResolver.Resolved imported;
      try (ProgressPrinter progress =
          new ProgressPrinter(spec.commandLine().getErr(), ignite.globals().quiet)) {
        imported = ignite.wiring().kernelResolver().resolve(ref, progress);
      }
      Kernel k = imported.kernel();
      spec.commandLine()
          .getOut()
          .println(
              ignite.globals().quiet
                  ? k.source().id()
                  : "Imported kernel "
                      + k.version()
                      + " ("
                      + k.source().id()
                      + ", "
                      + k.source().size().human()
                      + (imported.stored().initrd().isPresent() ? ", with initrd" : "")
                      + ")");
    }
  }

  @Command(
      name = "ls",
      aliases = "list",
      mixinStandardHelpOptions = true,
      description = "List imported kernels.",
      footer = {"", "Example:", "  ignite kernel ls"})
  static final class Ls implements Runnable {
    @ParentCommand KernelCommand parent;
    @Mixin GlobalFlags globalFlags;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
      Ignite ignite = parent.ignite;
      Columns.printOrIds(
          ignite.wiring().kernels().list(),
          new String[] {"KERNEL ID", "VERSION", "SIZE", "CREATED", "REF"},
          k ->
              new String[] {
                k.metadata().uid().value().substring(0, 12),
                k.version(),
                k.source().size().human(),
                Ages.since(k.metadata().created(), java.time.Instant.now()) + " ago",
                k.oci()
              },
          k -> k.source().id(),
          ignite.globals().quiet,
          spec.commandLine().getOut());
    }
  }

  @Command(
      name = "rm",
      mixinStandardHelpOptions = true,
      description = "Remove kernels; refused while a VM uses one, unless -f.",
      footer = {"", "Example:", "  ignite kernel rm 6.1.0-56-amd64"})
  static final class Rm implements Runnable {
    @ParentCommand KernelCommand parent;
    @Mixin GlobalFlags globalFlags;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "KERNEL", description = "Version, id prefix or ref")
    List<String> refs;

    @Option(
        names = {"-f", "--force"},
        description = "Remove even if VMs use it")
    boolean force;

    @Override
    public void run() {
      Ignite ignite = parent.ignite;
      var vms = ignite.wiring().vms().list();
      for (String ref : refs) {
        Kernel removed = ignite.wiring().kernels().remove(ref, force, vms);
        spec.commandLine()
            .getOut()
            .println(
                ignite.globals().quiet
                    ? removed.source().id()
                    : "Removed kernel " + removed.version() + " (" + removed.source().id() + ")");
      }
    }
  }
}
