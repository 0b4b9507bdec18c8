package dev.ignite.gitops;

import dev.ignite.api.FileMapping;
import dev.ignite.api.KernelSpec;
import dev.ignite.api.SshSpec;
import dev.ignite.api.StorageSpec;
import dev.ignite.api.Vm;
import dev.ignite.api.VmSpec;
import dev.ignite.core.reconcile.DesiredVm;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a manifest from Git may make the host read. Whoever can push must not be able to copy the
 * host's own files into a VM they can log in to: {@code copyFiles} and an SSH public key come from
 * inside the checkout (no {@code ..} and no symbolic link out of it) or from under a folder the
 * operator allowed; volumes and local images or kernels only from under an allowed folder.
 */
public final class HostPathPolicy {
  private final List<Path> allowed;

  /**
   * @param allowed host folders manifests may name, as real paths
   */
  public HostPathPolicy(List<Path> allowed) {
    this.allowed = allowed.stream().map(HostPathPolicy::real).toList();
  }

  /** The VM with every host path made absolute and real, or the reasons it is refused. */
  public record Checked(DesiredVm vm, List<String> refusals) {}

  public Checked check(DesiredVm d, Path checkout) {
    Path repo = real(checkout);
    List<String> refusals = new ArrayList<>();
    VmSpec spec = d.vm().spec();
    if (spec.copyFiles() != null) {
      List<FileMapping> confined = new ArrayList<>();
      for (int i = 0; i < spec.copyFiles().size(); i++) {
        FileMapping m = spec.copyFiles().get(i);
        String field = "spec.copyFiles[" + i + "].hostPath";
        confine(field, m.hostPath(), repo, true, refusals)
            .ifPresent(p -> confined.add(new FileMapping(p.toString(), m.vmPath())));
      }
      spec = spec.withCopyFiles(confined);
    }
    if (spec.ssh() != null && spec.ssh().publicKeyPath() != null) {
      spec =
          spec.withSsh(
              confine("spec.ssh", spec.ssh().publicKeyPath(), repo, true, refusals)
                  .map(p -> SshSpec.publicKey(p.toString()))
                  .orElse(spec.ssh()));
    }
    if (spec.storage() != null) {
      List<StorageSpec.Volume> volumes = spec.storage().volumes();
      for (int i = 0; i < volumes.size(); i++) {
        String field = "spec.storage.volumes[" + i + "].blockDevicePath";
        confine(field, volumes.get(i).blockDevicePath(), repo, false, refusals);
      }
    }
    localSource("spec.image.oci", spec.image(), repo, refusals);
    KernelSpec kernel = spec.kernel();
    if (kernel != null) {
      localSource("spec.kernel.oci", kernel.oci(), repo, refusals);
    }
    Vm vm = d.vm().withSpec(spec);
    return new Checked(new DesiredVm(d.file(), d.apiVersion(), vm), refusals);
  }

  private void localSource(String field, String ref, Path repo, List<String> refusals) {
    if (ref == null) {
      return;
    }
    for (String scheme : List.of("oci:", "oci-archive:", "docker-archive:", "tar:")) {
      if (ref.startsWith(scheme)) {
        String path = ref.substring(scheme.length());
        if (scheme.equals("oci:") && path.lastIndexOf(':') > 0) {
          path = path.substring(0, path.lastIndexOf(':'));
        }
        confine(field, path, repo, false, refusals);
        return;
      }
    }
    if (ref.startsWith("/") || ref.startsWith(".")) {
      confine(field, ref, repo, false, refusals);
    }
  }

  /**
   * The real path of {@code value} when it is allowed: relative paths are read inside the checkout
   * when {@code inRepo} allows it; absolute ones must lie under an allowed folder.
   */
  private java.util.Optional<Path> confine(
      String field, String value, Path repo, boolean inRepo, List<String> refusals) {
    Path asked = Path.of(value);
    Path resolved = asked.isAbsolute() ? asked : repo.resolve(asked);
    Path realPath;
    try {
      realPath = resolved.toRealPath();
    } catch (IOException e) {
      refusals.add(field + ": " + value + " does not exist" + where(asked, inRepo));
      return java.util.Optional.empty();
    }
    boolean insideRepo = inRepo && !asked.isAbsolute() && realPath.startsWith(repo);
    boolean underAllowed = allowed.stream().anyMatch(realPath::startsWith);
    if (insideRepo || underAllowed) {
      return java.util.Optional.of(realPath);
    }
    refusals.add(
        field
            + ": "
            + value
            + " is outside "
            + (inRepo ? "the repository and " : "")
            + (allowed.isEmpty()
                ? "any folder the host allows (none allowed)"
                : "the folders the host allows " + allowed)
            + "; a manifest from Git may not read the host's own files");
    return java.util.Optional.empty();
  }

  private static String where(Path asked, boolean inRepo) {
    return inRepo && !asked.isAbsolute() ? " in the repository" : " on the host";
  }

  private static Path real(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      return p.toAbsolutePath().normalize();
    }
  }
}
