package dev.ignite.adapters.ssh;

import dev.ignite.ports.GuestShell.CopyMethod;
import java.io.IOException;
import java.nio.file.Path;

/** One way of moving trees to and from a guest over an open session. */
interface Transfer extends AutoCloseable {

  CopyMethod method();

  /** {@code local} is walked without following links below it; {@code name} names the copy. */
  void copyIn(Path local, String name, String guestPath) throws IOException;

  /** Fills {@code tree} with the guest item; a link named by {@code guestPath} is followed. */
  void copyOut(String guestPath, LocalTree tree) throws IOException;

  @Override
  void close() throws IOException;
}
