package dev.ignite.adapters.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ignite.api.Defaults;
import dev.ignite.api.ObjectMeta;
import dev.ignite.api.Uid;
import dev.ignite.api.Vm;
import dev.ignite.ports.LookupException;
import dev.ignite.ports.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStateStoreTest {
  @TempDir Path dir;
  FileStateStore store;

  @BeforeEach
  void open() {
    store = FileStateStore.open(dir);
  }

  static Vm vm(String name, String uid) {
    ObjectMeta meta =
        ObjectMeta.named(name)
            .withUid(new Uid(uid))
            .withCreated(Instant.parse("2026-01-01T00:00:00Z"));
    return new Vm(meta, Defaults.apply(Defaults.BUILT_IN.withImage("busybox")), null);
  }

  @Test
  void storesEachVmAsJsonInItsOwnFolder() throws Exception {
    Vm vm = vm("my-vm", "599615df99804ae8");
    store.put(vm);

    Path file = dir.resolve("vms/599615df99804ae8/metadata.json");
    assertThat(Files.readString(file)).contains("\"apiVersion\": \"ignite.weave.works/v1alpha4\"");
    assertThat(store.get(Vm.class, vm.uid())).contains(vm);
    assertThat(store.list(Vm.class)).containsExactly(vm);
  }

  @Test
  void replacesAnObjectAtomicallyLeavingNoTempFiles() throws Exception {
    Vm vm = vm("my-vm", "aaaa000000000001");
    store.put(vm);
    store.put(vm.withStatus(vm.status().withRunning(true)));

    assertThat(store.get(Vm.class, vm.uid()).orElseThrow().status().running()).isTrue();
    try (Stream<Path> files = Files.list(dir.resolve("vms/aaaa000000000001"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("metadata.json");
    }
  }

  @Test
  void objectFilesAreOwnerOnlyAndATakenTempNameIsSkipped() throws Exception {
    Vm vm = vm("my-vm", "aaaa000000000003");
    store.put(vm);
    Path folder = dir.resolve("vms/aaaa000000000003");
    // a writer killed mid-way leaves its temp file; later writes must neither fail nor reuse it
    Files.writeString(folder.resolve(".tmp-metadata.json-left-over"), "garbage");
    store.put(vm.withStatus(vm.status().withRunning(true)));

    assertThat(Files.getPosixFilePermissions(folder.resolve("metadata.json")))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    assertThat(store.get(Vm.class, vm.uid()).orElseThrow().status().running()).isTrue();
    assertThat(Files.readString(folder.resolve(".tmp-metadata.json-left-over")))
        .isEqualTo("garbage");
  }

  @Test
  void skipsFoldersWithoutAnObjectFileAndHiddenEntries() throws Exception {
    store.put(vm("a", "aaaa000000000001"));
    Files.createDirectories(dir.resolve("vms/bbbb000000000002")); // a create cut short
    Files.createDirectories(dir.resolve("vms/.deleting-cccc-1"));
    Files.writeString(dir.resolve("vms/.tmp-x"), "garbage");

    assertThat(store.list(Vm.class)).extracting(Vm::name).containsExactly("a");
  }

  @Test
  void skipsADamagedFileWhenListing() throws Exception {
    store.put(vm("a", "aaaa000000000001"));
    Path damaged = dir.resolve("vms/bbbb000000000002/metadata.json");
    Files.createDirectories(damaged.getParent());
    Files.writeString(damaged, "{\"apiVersion\": ");

    assertThat(store.list(Vm.class)).extracting(Vm::name).containsExactly("a");
  }

  @Test
  void aDeeplyNestedFileIsADamagedFileNamingLineAndColumn() throws Exception {
    Path deep = dir.resolve("vms/bbbb000000000002/metadata.json");
    Files.createDirectories(deep.getParent());
    Files.writeString(deep, "[".repeat(5_000) + "]".repeat(5_000));

    assertThatThrownBy(() -> store.get(Vm.class, new Uid("bbbb000000000002")))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("is damaged")
        .hasMessageContaining(deep + ":1:101: invalid YAML: nested more than 100 levels deep");
  }

  @Test
  void skipsADeeplyNestedFileWhenListing() throws Exception {
    store.put(vm("a", "aaaa000000000001"));
    Path deep = dir.resolve("vms/bbbb000000000002/metadata.json");
    Files.createDirectories(deep.getParent());
    Files.writeString(deep, "{\"apiVersion\": " + "[".repeat(5_000) + "]".repeat(5_000) + "}");

    assertThat(store.list(Vm.class)).extracting(Vm::name).containsExactly("a");
  }

  @Test
  void deletesTheWholeFolder() throws Exception {
    Vm vm = vm("a", "aaaa000000000001");
    store.put(vm);
    Files.writeString(dir.resolve("vms/aaaa000000000001/disk.img"), "x");

    assertThat(store.delete(Vm.class, vm.uid())).isTrue();
    assertThat(store.delete(Vm.class, vm.uid())).isFalse();
    try (Stream<Path> left = Files.list(dir.resolve("vms"))) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void findsByExactUidNameOrUniquePrefix() {
    store.put(vm("web", "abc1000000000000"));
    store.put(vm("db", "abd2000000000000"));

    assertThat(store.find(Vm.class, "abc1000000000000").name()).isEqualTo("web");
    assertThat(store.find(Vm.class, "db").name()).isEqualTo("db");
    assertThat(store.find(Vm.class, "abd").name()).isEqualTo("db");
  }

  @Test
  void anAmbiguousPrefixListsEveryMatch() {
    store.put(vm("web", "abc1000000000000"));
    store.put(vm("db", "abd2000000000000"));

    assertThatThrownBy(() -> store.find(Vm.class, "ab"))
        .isInstanceOf(LookupException.class)
        .hasMessageContaining("ambiguous")
        .hasMessageContaining("abc1000000000000 (web)")
        .hasMessageContaining("abd2000000000000 (db)");
  }

  @Test
  void aNameMatchWinsOverAPrefixMatch() {
    store.put(vm("abc", "abc1000000000000"));
    store.put(vm("other", "abc2000000000000"));
    store.put(vm("ab", "ffff000000000000"));

    assertThat(store.find(Vm.class, "ab").name()).isEqualTo("ab");
  }

  @Test
  void anUnknownReferenceSaysHowToListVms() {
    assertThatThrownBy(() -> store.find(Vm.class, "nope"))
        .isInstanceOf(LookupException.class)
        .hasMessageContaining("no VM with name or uid prefix \"nope\"");
  }

  @Test
  void aPathLikeReferenceNeverLeavesTheStore() {
    assertThatThrownBy(() -> store.find(Vm.class, "../../etc")).isInstanceOf(LookupException.class);
  }

  @Test
  void theLockMakesCheckThenWriteAtomicAcrossThreads() throws Exception {
    // Two store instances on one dir, as two CLIs would have; each thread claims names 0..49 only
    // if no VM of that name exists yet. Without the lock, some names would be created twice.
    FileStateStore other = FileStateStore.open(dir);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> jobs = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      FileStateStore s = t % 2 == 0 ? store : other;
      jobs.add(pool.submit(() -> claimNames(s)));
    }
    for (Future<?> j : jobs) {
      j.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertThat(store.list(Vm.class)).extracting(Vm::name).doesNotHaveDuplicates().hasSize(50);
  }

  private static void claimNames(FileStateStore s) {
    for (int i = 0; i < 50; i++) {
      String name = "vm-" + i;
      s.withLock(
          () -> {
            if (s.list(Vm.class).stream().noneMatch(v -> v.name().equals(name))) {
              s.put(vm(name, Uid.generate().value()));
            }
          });
    }
  }
}
