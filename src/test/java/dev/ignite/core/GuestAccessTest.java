package dev.ignite.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ignite.adapters.qemu.Qemu;
import dev.ignite.adapters.store.FileStateStore;
import dev.ignite.api.Configuration;
import dev.ignite.api.ObjectMeta;
import dev.ignite.api.SshSpec;
import dev.ignite.api.Vm;
import dev.ignite.api.VmSpec;
import dev.ignite.ports.LookupException;
import dev.ignite.ports.SshTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs against the real store and the real QEMU runtime, which sees no process for these VMs. */
class GuestAccessTest {
  @TempDir Path state;
  @TempDir Path keys;
  FileStateStore store;
  VmService vms;
  GuestAccess access;

  @BeforeEach
  void open() {
    store = FileStateStore.open(state);
    vms = new VmService(store, Configuration.EMPTY, Clock.systemUTC());
    access = new GuestAccess(store, Qemu.vmm(state), store::objectDir);
  }

  private Vm create(String name, SshSpec ssh) {
    return vms.create(
        new Vm(ObjectMeta.named(name), VmSpec.UNSET.withImage("busybox").withSsh(ssh), null));
  }

  private Path vmDir(Vm vm) {
    return store.objectDir(Vm.class, vm.uid());
  }

  @Test
  void refusesAVmThatIsNotRunningAndSaysHowToStartIt() throws Exception {
    create("web", SshSpec.GENERATE); // no key yet either: not running is what to fix first
    assertThatThrownBy(() -> access.target("web", Optional.empty()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("VM web is not running: start it with `ignite start web`");
  }

  @Test
  void refusesAVmCreatedWithoutSsh() {
    create("web", null);
    assertThatThrownBy(() -> access.target("web", Optional.empty()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("VM web has no SSH key: it was created without --ssh");
  }

  @Test
  void refusesAnUnknownVm() {
    assertThatThrownBy(() -> access.target("nope", Optional.empty()))
        .isInstanceOf(LookupException.class)
        .hasMessageContaining("\"nope\"");
  }

  @Test
  void usesTheVmsGeneratedKey() throws Exception {
    Vm web = create("web", SshSpec.GENERATE);
    Path key = Files.writeString(vmDir(web).resolve(SshTarget.PRIVATE_KEY_FILE), "key");
    assertThat(GuestIdentity.choose(web, vmDir(web), Optional.empty())).isEqualTo(key);
  }

  @Test
  void namesTheMissingGeneratedKey() {
    Vm web = create("web", SshSpec.GENERATE);
    assertThatThrownBy(() -> GuestIdentity.choose(web, vmDir(web), Optional.empty()))
        .hasMessageContaining("the SSH key of VM web " + vmDir(web).resolve("id_ed25519"))
        .hasMessageContaining("is missing");
  }

  @Test
  void anIdentityGivenWinsOverTheVmsKey() throws Exception {
    Vm web = create("web", SshSpec.GENERATE);
    Path mine = Files.writeString(keys.resolve("mine"), "key");
    assertThat(GuestIdentity.choose(web, vmDir(web), Optional.of(mine))).isEqualTo(mine);
  }

  @Test
  void aVmGivenAPublicKeyIsReachedWithThePrivateKeyBesideIt() throws Exception {
    Path priv = Files.writeString(keys.resolve("id_ed25519"), "key");
    Path pub = Files.writeString(keys.resolve("id_ed25519.pub"), "ssh-ed25519 AAAA");
    Vm web = create("web", SshSpec.publicKey(pub.toString()));
    assertThat(GuestIdentity.choose(web, vmDir(web), Optional.empty())).isEqualTo(priv);
  }

  @Test
  void aVmGivenAPublicKeyPrefersItsOwnKeyWhenItHasOne() throws Exception {
    Files.writeString(keys.resolve("id_ed25519"), "key");
    Path pub = Files.writeString(keys.resolve("id_ed25519.pub"), "ssh-ed25519 AAAA");
    Vm web = create("web", SshSpec.publicKey(pub.toString()));
    Path own = Files.writeString(vmDir(web).resolve(SshTarget.PRIVATE_KEY_FILE), "key");
    assertThat(GuestIdentity.choose(web, vmDir(web), Optional.empty())).isEqualTo(own);
  }

  @Test
  void aVmGivenAPublicKeyWithoutItsTwinAsksForMinusI() throws Exception {
    Path pub = Files.writeString(keys.resolve("key.pub"), "ssh-ed25519 AAAA");
    Vm web = create("web", SshSpec.publicKey(pub.toString()));
    assertThatThrownBy(() -> GuestIdentity.choose(web, vmDir(web), Optional.empty()))
        .hasMessageContaining("pass the private key with -i FILE");
  }
}
