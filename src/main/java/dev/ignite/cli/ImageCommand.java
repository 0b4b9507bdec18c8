package dev.ignite.cli;

import dev.ignite.api.Image;
import dev.ignite.core.ImageService;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "image",
    mixinStandardHelpOptions = true,
    description = "Import, list and remove root filesystem images.",
    subcommands = {ImageCommand.Import.class, ImageCommand.Ls.class, ImageCommand.Rm.class},
    footer = {"", "Example:", "  ignite image import oci:/tmp/sample:1 && ignite image ls"})
final class ImageCommand implements Runnable {
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
        "Import an image into the content-addressed cache; cached blobs are not fetched again.",
        "REF: a registry image (busybox, 127.0.0.1:5000/app:1), oci:DIR[:TAG],"
            + " oci-archive:FILE, docker-archive:FILE or tar:FILE (a root filesystem tar).",
        "Registry credentials come from Docker's config.json ($DOCKER_CONFIG, else"
            + " ~/.docker): its credHelpers or credsStore helper, else its auths."
      },
      footer = {
        "",
        "Examples:",
        "  ignite image import oci:/tmp/sample:1",
        "  ignite image import 127.0.0.1:5000/sample:1 --insecure-registry 127.0.0.1:5000"
      })
  static final class Import implements Runnable {
    @ParentCommand ImageCommand parent;
    @Mixin GlobalFlags globalFlags;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "REF", description = "What to import")
    String ref;

    @Option(
        names = "--insecure-registry",
        paramLabel = "HOST:PORT",
        description = "Speak plain HTTP to this registry (also Configuration insecureRegistries)")
    List<String> insecure = new ArrayList<>();

    @Override
    public void run() {
      Ignite ignite = parent.ignite;
      ImageService.Imported imported;
      try (ProgressPrinter progress =
          new ProgressPrinter(spec.commandLine().getErr(), ignite.globals().quiet)) {
        imported = ignite.wiring().images(insecure).importImage(ref, progress);
      }
      PrintWriter out = spec.commandLine().getOut();
      Image image = imported.image();
      if (ignite.globals().quiet) {
        out.println(image.source().id());
      } else {
        out.printf(
            "Imported image %s (%s, %s, %s downloaded)%n",
            image.metadata().name(),
            image.source().id(),
            image.source().size().human(),
            ProgressPrinter.human(imported.downloadedBytes()));
      }
    }
  }

  @Command(
      name = "ls",
      aliases = "list",
      mixinStandardHelpOptions = true,
      description = "List imported images.",
      footer = {"", "Example:", "  ignite image ls"})
  static final class Ls implements Runnable {
    @ParentCommand ImageCommand parent;
    @Mixin GlobalFlags globalFlags;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
      Ignite ignite = parent.ignite;
      Columns.printOrIds(
          ignite.wiring().images(List.of()).list(),
          new String[] {"IMAGE ID", "NAME", "SIZE", "CREATED", "REF"},
          i ->
              new String[] {
                i.metadata().uid().value().substring(0, 12),
                i.metadata().name(),
                i.source().size().human(),
                Ages.since(i.metadata().created(), java.time.Instant.now()) + " ago",
                i.oci()
              },
          i -> i.source().id(),
          ignite.globals().quiet,
          spec.commandLine().getOut());
    }
  }

  @Command(
      name = "rm",
      mixinStandardHelpOptions = true,
      description = "Remove images; refused while a VM uses one, unless -f.",
      footer = {"", "Example:", "  ignite image rm oci-tmp-sample-1"})
  static final class Rm implements Runnable {
    @ParentCommand ImageCommand parent;
    @Mixin GlobalFlags globalFlags;
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "Name, id prefix or ref")
    List<String> refs;

    @Option(
        names = {"-f", "--force"},
        description = "Remove even if VMs use it (their disks are already built)")
    boolean force;

    @Override
    public void run() {
      Ignite ignite = parent.ignite;
      var vms = ignite.wiring().vms().list();
      for (String ref : refs) {
        Image removed = ignite.wiring().images(List.of()).remove(ref, force, vms);
        spec.commandLine()
            .getOut()
            .println(
                ignite.globals().quiet
                    ? removed.source().id()
                    : "Removed image "
                        + removed.metadata().name()
                        + " ("
                        + removed.source().id()
                        + ")");
      }
    }
  }
}
