package dev.ignite.ports;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A kernel in the store. {@code version} is read from the binary itself; {@code modules} is the
 * {@code lib/modules/<version>} tree shipped with an Ignite kernel image, copied into root disks.
 */
public record StoredKernel(
    String id,
    String version,
    Path kernel,
    Optional<Path> initrd,
    Optional<Path> modules,
    long size) {}
