package dev.ignite.cli;

import java.nio.file.Path;

/** What {@code ignite cp SRC DST} asks: which VM, which way, and the two paths. */
record CopyRequest(String vm, boolean intoGuest, Path local, String guestPath) {

  /** Exactly one of the two sides must be {@code VM:path}. */
  static CopyRequest of(String source, String destination) {
    CopyEndpoint src = CopyEndpoint.parse(source);
    CopyEndpoint dst = CopyEndpoint.parse(destination);
    if (src.inGuest() && dst.inGuest()) {
      throw new CliException(
          "both "
              + source
              + " and "
              + destination
              + " name a VM; copy between VMs through the host in two steps");
    }
    if (!src.inGuest() && !dst.inGuest()) {
      throw new CliException(
          "neither "
              + source
              + " nor "
              + destination
              + " names a VM: write one side as VM:path, e.g. `ignite cp file.txt my-vm:/root/`");
    }
    return src.inGuest()
        ? new CopyRequest(src.vm().orElseThrow(), false, Path.of(dst.path()), src.path())
        : new CopyRequest(dst.vm().orElseThrow(), true, Path.of(src.path()), dst.path());
  }
}
