package dev.ignite.api;

/** A host file copied into the VM's root disk when it is built. */
public record FileMapping(String hostPath, String vmPath) {}
