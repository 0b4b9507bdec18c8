package dev.ignite.api;

import java.util.List;

/**
 * The desired shape of a VM. Every component may be null, meaning "not set here": specs are layered
 * (built-in defaults, Configuration vmDefaults, the VM file, CLI flags) with {@link #orElse}, and
 * {@link Defaults#apply} leaves only {@code sandbox} and {@code ssh} nullable.
 */
public record VmSpec(
    String image,
    KernelSpec kernel,
    String sandbox,
    Integer cpus,
    Size memory,
    Size diskSize,
    List<PortMapping> ports,
    StorageSpec storage,
    List<FileMapping> copyFiles,
    SshSpec ssh) {
  /** The most CPUs a manifest may ask for. */
  public static final int MAX_CPUS = 1024;

  public VmSpec {
    ports = ports == null ? null : List.copyOf(ports);
    copyFiles = copyFiles == null ? null : List.copyOf(copyFiles);
  }

  public static final VmSpec UNSET =
      new VmSpec(null, null, null, null, null, null, null, null, null, null);

  /** Each component of this spec, or where this one is not set, the component of {@code lower}. */
  public VmSpec orElse(VmSpec lower) {
    return new VmSpec(
        image != null ? image : lower.image,
        KernelSpec.merge(kernel, lower.kernel),
        sandbox != null ? sandbox : lower.sandbox,
        cpus != null ? cpus : lower.cpus,
        memory != null ? memory : lower.memory,
        diskSize != null ? diskSize : lower.diskSize,
        ports != null ? ports : lower.ports,
        storage != null ? storage : lower.storage,
        copyFiles != null ? copyFiles : lower.copyFiles,
        ssh != null ? ssh : lower.ssh);
  }

  public VmSpec withImage(String v) {
    return new VmSpec(v, kernel, sandbox, cpus, memory, diskSize, ports, storage, copyFiles, ssh);
  }

  public VmSpec withKernel(KernelSpec v) {
    return new VmSpec(image, v, sandbox, cpus, memory, diskSize, ports, storage, copyFiles, ssh);
  }

  public VmSpec withCpus(Integer v) {
    return new VmSpec(image, kernel, sandbox, v, memory, diskSize, ports, storage, copyFiles, ssh);
  }

  public VmSpec withMemory(Size v) {
    return new VmSpec(image, kernel, sandbox, cpus, v, diskSize, ports, storage, copyFiles, ssh);
  }

  public VmSpec withDiskSize(Size v) {
    return new VmSpec(image, kernel, sandbox, cpus, memory, v, ports, storage, copyFiles, ssh);
  }

  public VmSpec withPorts(List<PortMapping> v) {
    return new VmSpec(image, kernel, sandbox, cpus, memory, diskSize, v, storage, copyFiles, ssh);
  }

  public VmSpec withStorage(StorageSpec v) {
    return new VmSpec(image, kernel, sandbox, cpus, memory, diskSize, ports, v, copyFiles, ssh);
  }

  public VmSpec withCopyFiles(List<FileMapping> v) {
    return new VmSpec(image, kernel, sandbox, cpus, memory, diskSize, ports, storage, v, ssh);
  }

  public VmSpec withSsh(SshSpec v) {
    return new VmSpec(image, kernel, sandbox, cpus, memory, diskSize, ports, storage, copyFiles, v);
  }
}
