package dev.ignite.ports;

import java.time.Instant;

/**
 * A running VM process: what status records as {@code runtime {name, id}} and start time.
 *
 * @param accelerator how the guest runs: "kvm" or "tcg" (software emulation)
 * @param sshHostPort the 127.0.0.1 port forwarded to the guest's port 22
 */
public record VmProcess(
    String runtime, long pid, Instant startTime, String accelerator, int sshHostPort) {}
