package dev.ignite.core;

import dev.ignite.api.SshSpec;
import dev.ignite.api.Vm;
import dev.ignite.ports.SshTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which private key logs in to a VM: the one given, the VM's own one, or the private half of the
 * public key it was given.
 */
final class GuestIdentity {
  private static final String PUB = ".pub";

  private GuestIdentity() {}

  /** Refuses a VM that was created without SSH, whose guest has no key to let us in. */
  static void requireSsh(Vm vm) {
    SshSpec ssh = vm.spec().ssh();
    if (ssh == null || !ssh.enabled()) {
      throw new IllegalStateException(
          "VM "
              + vm.name()
              + " has no SSH key: it was created without --ssh (recreate it with `ignite run"
              + " IMAGE --ssh`)");
    }
  }

  static Path choose(Vm vm, Path vmDir, Optional<Path> given) {
    requireSsh(vm);
    SshSpec ssh = vm.spec().ssh();
    if (given.isPresent()) {
      return readable(given.get(), "the identity file given with -i");
    }
    Path own = vmDir.resolve(SshTarget.PRIVATE_KEY_FILE);
    if (ssh.generate() || Files.exists(own)) {
      // a VM given a public key is authorised for its own key too, when one was made for it
      return readable(own, "the SSH key of VM " + vm.name());
    }
    return twinOf(vm, ssh.publicKey().orElseThrow());
  }

  /** A VM given {@code ssh: key.pub} is reached with {@code key}, when it lies beside it. */
  private static Path twinOf(Vm vm, String publicKey) {
    if (publicKey.endsWith(PUB)) {
      Path twin = Path.of(publicKey.substring(0, publicKey.length() - PUB.length()));
      if (Files.isRegularFile(twin)) {
        return twin;
      }
    }
    throw new IllegalStateException(
        "VM "
            + vm.name()
            + " authorises the public key "
            + publicKey
            + ", whose private key is not beside it: pass the private key with -i FILE");
  }

  private static Path readable(Path key, String what) {
    if (!Files.isReadable(key)) {
      throw new IllegalStateException(
          what + " " + key + " is missing or not readable" + (Files.exists(key) ? " by you" : ""));
    }
    return key;
  }
}
