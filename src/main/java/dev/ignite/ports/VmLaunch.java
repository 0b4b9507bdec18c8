package dev.ignite.ports;

import dev.ignite.api.PortMapping;
import dev.ignite.api.Size;
import dev.ignite.api.Uid;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Everything a hypervisor needs to boot one VM.
 *
 * @param vmDir the VM's state folder: pid file, QMP socket and console log go there
 * @param volumes extra raw disks (host block devices or image files), attached in order after the
 *     root disk (so the first is {@code /dev/vdb} in the guest)
 * @param sshHostPort the 127.0.0.1 port forwarded to guest port 22; 0 picks a free one
 */
public record VmLaunch(
    Uid uid,
    Path vmDir,
    Path kernel,
    Optional<Path> initrd,
    String cmdLine,
    int cpus,
    Size memory,
    Path rootDisk,
    List<Path> volumes,
    List<PortMapping> ports,
    int sshHostPort) {
  public VmLaunch {
    volumes = List.copyOf(volumes);
    ports = List.copyOf(ports);
  }
}
