package dev.ignite.cli;

import dev.ignite.gitops.ManifestFolder;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "daemon",
    mixinStandardHelpOptions = true,
    description =
        "Keep this host's VMs in line with the VM files in a local folder, with the same"
            + " reconciler as gitops: a file added, changed or deleted is acted on at the next"
            + " --interval. Files are only read; status goes to the host's store (ignite ps).",
    footer = {
      "",
      "Example:",
      "  ignited daemon --manifest-dir /etc/ignite/manifests --interval 5s"
    })
final class DaemonCommand implements Runnable {
  @ParentCommand Ignited ignited;
  @Mixin GlobalFlags globalFlags;
  @Mixin DaemonFlags daemon;

  @Option(
      names = "--manifest-dir",
      paramLabel = "DIR",
      required = true,
      description = "The folder holding the VM files")
  Path manifestDir;

  @Override
  public void run() {
    Path dir = manifestDir.toAbsolutePath().normalize();
    if (!java.nio.file.Files.isDirectory(dir)) {
      throw new CliException("--manifest-dir " + manifestDir + ": no such folder");
    }
    try (ManifestFolder folder = new ManifestFolder(dir)) {
      new DaemonRunner(ignited.wiring(), daemon, ignited.env())
          .run(folder, dir.toString(), "-", List.of(), true);
    }
  }
}
