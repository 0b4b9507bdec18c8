package dev.ignite.core;

import dev.ignite.ports.DiskBuilder;
import dev.ignite.ports.GuestShell;
import dev.ignite.ports.LocalChanges;
import dev.ignite.ports.ObjectDirs;
import dev.ignite.ports.SshKeys;
import dev.ignite.ports.StateStore;
import dev.ignite.ports.Vmm;
import java.time.Clock;

/**
 * What the VM lifecycle is built from; the CLI (or the daemon) wires the adapters in. {@code
 * changes} keeps what users do by hand to VMs a repository manages, and {@code host} names this
 * host in those records.
 */
public record LifecycleParts(
    StateStore store,
    ObjectDirs dirs,
    VmService vms,
    ImageService images,
    KernelService kernels,
    DiskBuilder disks,
    Vmm vmm,
    SshKeys keys,
    GuestShell shell,
    LocalChanges changes,
    String host,
    Clock clock) {}
