package dev.ignite.ports;

import java.io.IOException;

/** Writes a VM's root disk image from an unpacked image tree plus the VM's own files. */
public interface DiskBuilder {
  /**
   * Builds {@link RootDisk#disk()}: either the complete image appears at that path, or nothing does
   * and the cause is thrown. The image tree is never modified. Says where the host key went.
   */
  RootDisk.Built build(RootDisk request) throws IOException;

  /**
   * Writes {@link RootDisk#copyFiles()} again into the existing {@link RootDisk#disk()}, replacing
   * what is at those paths; everything else on it, what the guest wrote too, stays. Only for a disk
   * no VM is running on.
   */
  void rewriteFiles(RootDisk request) throws IOException;
}
