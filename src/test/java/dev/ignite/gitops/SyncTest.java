package dev.ignite.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignite.adapters.store.FileLocalChanges;
import dev.ignite.api.Defaults;
import dev.ignite.api.Uid;
import dev.ignite.core.reconcile.InMemoryVmActions;
import dev.ignite.core.reconcile.Planner;
import dev.ignite.core.reconcile.Reconciler;
import dev.ignite.core.reconcile.RestartBackoff;
import dev.ignite.ports.LocalChanges;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncTest {
  static final String REPO = "ssh://git@example/vms.git";
  static final String MY_VM =
      "# my VM, keep this comment\n"
          + "apiVersion: ignite.weave.works/v1alpha4\n"
          + "kind: VM\n"
          + "metadata:\n"
          + "  name: my-vm\n"
          + "spec:\n"
          + "  image:\n"
          + "    oci: sample:1\n"
          + "  memory: 512MB   # enough\n"
          + "status:\n"
          + "  running: true\n";

  @TempDir Path tmp;
  FolderRepository repo;
  InMemoryVmActions host;
  LocalChanges changes;
  ExecutorService workers;
  Sync sync;

  @BeforeEach
  void setUp() throws Exception {
    repo = new FolderRepository(Files.createDirectories(tmp.resolve("repo")));
    host = new InMemoryVmActions();
    changes = new FileLocalChanges(tmp.resolve("state"));
    workers = Executors.newFixedThreadPool(2);
    sync = sync(false);
  }

  Sync sync(boolean readOnly) {
    Clock clock = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);
    return new Sync(
        repo,
        new ManifestReader(new ManifestFiles(List.of())),
        new HostPathPolicy(List.of()),
        new Reconciler(
            host,
            new Planner(REPO, s -> s.orElse(Defaults.BUILT_IN)),
            REPO,
            new RestartBackoff(clock),
            workers),
        host,
        changes,
        new SyncSettings(REPO, "host1", readOnly),
        clock);
  }

  @AfterEach
  void tearDown() {
    workers.shutdownNow();
  }

  @Test
  void startsVmAndWritesOnlyItsStatusAndUidBack() throws Exception {
    repo.write("vms/my-vm.yaml", MY_VM);
    SyncReport report = sync.run();
    assertThat(host.log).containsExactly("create my-vm", "start my-vm");
    assertThat(repo.commits).hasSize(1);
    assertThat(repo.commits.get(0).message()).contains("my-vm", "host1");
    String after = repo.read("vms/my-vm.yaml");
    Uid uid = host.list().get(0).uid();
    assertThat(after)
        .startsWith("# my VM, keep this comment\n")
        .contains("  memory: 512MB   # enough\n", "uid: \"" + uid.value() + "\"", "running: true");
    assertThat(after.substring(0, after.indexOf("status:")))
        .isEqualTo(
            MY_VM
                .substring(0, MY_VM.indexOf("status:"))
                .replace("  name: my-vm\n", "  name: my-vm\n  uid: \"" + uid.value() + "\"\n"));
    assertThat(report.vms())
        .singleElement()
        .satisfies(v -> assertThat(v.phase()).isEqualTo("Running"));
  }

  @Test
  void unchangedStateMakesNoSecondCommit() throws Exception {
    repo.write("vms/my-vm.yaml", MY_VM);
    sync.run();
    String first = repo.read("vms/my-vm.yaml");
    host.log.clear();
    sync.run();
    assertThat(host.log).isEmpty();
    assertThat(repo.commits).hasSize(1);
    assertThat(repo.read("vms/my-vm.yaml")).isEqualTo(first);
  }

  @Test
  void badFilesAreReportedWhileGoodOnesReconcile() throws Exception {
    repo.write("good.yaml", MY_VM);
    repo.write("broken.yaml", "apiVersion: ignite.weave.works/v1alpha4\nkind: VM\nmetadata: [\n");
    repo.write(
        "unknown.yaml",
        MY_VM.replace("my-vm", "odd").replace("  memory: 512MB", "  memroy: 512MB"));
    repo.write("badsize.yaml", MY_VM.replace("my-vm", "big").replace("512MB", "12XB"));
    repo.write(
        "shadow.yaml",
        MY_VM
            .replace("my-vm", "thief")
            .replace(
                "spec:\n", "spec:\n  copyFiles:\n  - hostPath: /etc/shadow\n    vmPath: /s\n"));
    repo.write("deploy.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n");
    SyncReport report = sync.run();
    assertThat(host.log).containsExactly("create my-vm", "start my-vm");
    assertThat(report.problems())
        .anySatisfy(p -> assertThat(p).startsWith("broken.yaml:4:"))
        .anySatisfy(p -> assertThat(p).contains("unknown.yaml:9:3", "memroy"))
        .anySatisfy(p -> assertThat(p).contains("badsize.yaml:9:", "12XB"))
        .anySatisfy(p -> assertThat(p).contains("shadow.yaml", "/etc/shadow", "outside"));
    assertThat(repo.read("unknown.yaml")).contains("reason: InvalidManifest", "memroy");
    assertThat(repo.read("shadow.yaml")).contains("reason: InvalidManifest", "/etc/shadow");
    assertThat(repo.read("broken.yaml")).doesNotContain("status");
    assertThat(repo.read("deploy.yaml")).doesNotContain("status");
  }

  @Test
  void vmWhoseFileTurnedBrokenIsLeftRunning() throws Exception {
    repo.write("my-vm.yaml", MY_VM);
    sync.run();
    repo.write("my-vm.yaml", "apiVersion: ignite.weave.works/v1alpha4\nkind: VM\nmetadata: [\n");
    host.log.clear();
    sync.run();
    assertThat(host.log).isEmpty();
    assertThat(host.alive).hasSize(1);
  }

  @Test
  void localStopIsCommittedAsRunningFalse() throws Exception {
    repo.write("my-vm.yaml", MY_VM);
    sync.run();
    var vm = host.list().get(0);
    host.stop(vm);
    changes.record(
        new LocalChanges.Change(
            "c1",
            REPO,
            "my-vm.yaml",
            "my-vm",
            vm.uid(),
            LocalChanges.Kind.STOPPED,
            "ignite stop my-vm",
            "host1",
            Instant.EPOCH));
    host.log.clear();
    sync.run();
    assertThat(host.log).isEmpty(); // not started again
    assertThat(repo.read("my-vm.yaml")).contains("running: false");
    assertThat(repo.commits.get(repo.commits.size() - 1).message())
        .startsWith("ignite stop my-vm on host1");
    assertThat(changes.pending(REPO)).isEmpty();
  }

  @Test
  void localRmDeletesTheFile() throws Exception {
    repo.write("my-vm.yaml", MY_VM);
    sync.run();
    var vm = host.list().get(0);
    host.remove(vm);
    changes.record(
        new LocalChanges.Change(
            "c1",
            REPO,
            "my-vm.yaml",
            "my-vm",
            vm.uid(),
            LocalChanges.Kind.REMOVED,
            "ignite rm -f my-vm",
            "host1",
            Instant.EPOCH));
    sync.run();
    assertThat(repo.dir.resolve("my-vm.yaml")).doesNotExist();
    assertThat(host.list()).isEmpty();
  }

  @Test
  void localRmOfOneVmInAMultiDocumentFileTakesOnlyItsDocumentOut() throws Exception {
    String other = MY_VM.replace("# my VM, keep this comment\n", "").replace("my-vm", "other");
    repo.write("vms.yaml", MY_VM + "---\n" + other);
    sync.run();
    var vm = host.list().stream().filter(v -> v.name().equals("my-vm")).findFirst().orElseThrow();
    host.remove(vm);
    changes.record(
        new LocalChanges.Change(
            "c1",
            REPO,
            "vms.yaml",
            "my-vm",
            vm.uid(),
            LocalChanges.Kind.REMOVED,
            "ignite rm -f my-vm",
            "host1",
            Instant.EPOCH));
    host.log.clear();
    sync.run();
    String after = repo.read("vms.yaml");
    assertThat(after).startsWith("---\n").contains("name: other").doesNotContain("my-vm");
    assertThat(repo.commits.get(repo.commits.size() - 1).message())
        .startsWith("ignite rm -f my-vm on host1");
    host.log.clear();
    sync.run();
    assertThat(host.log).isEmpty(); // not created again
    assertThat(host.list()).extracting(v -> v.name()).containsExactly("other");
  }

  @Test
  void copyFilesNamesAFileOfTheRepositoryByItsPathThere() throws Exception {
    repo.write("files/motd", "hello\n");
    repo.write(
        "my-vm.yaml",
        MY_VM.replace(
            "spec:\n", "spec:\n  copyFiles:\n  - hostPath: files/motd\n    vmPath: /etc/motd\n"));
    SyncReport report = sync.run();
    assertThat(report.problems()).isEmpty();
    assertThat(host.list().get(0).spec().copyFiles())
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.hostPath())
                    .isEqualTo(repo.dir.resolve("files/motd").toRealPath().toString()));
  }

  @Test
  void unreachableRemoteLeavesVmsAsTheyAre() throws Exception {
    repo.write("my-vm.yaml", MY_VM);
    sync.run();
    repo.unreachable = true;
    host.log.clear();
    SyncReport report = sync.run();
    assertThat(report.error()).hasValueSatisfying(e -> assertThat(e).contains("cannot reach"));
    assertThat(host.log).isEmpty();
  }

  @Test
  void readOnlyNeverCommits() throws Exception {
    repo.write("my-vm.yaml", MY_VM);
    sync(true).run();
    assertThat(repo.commits).isEmpty();
    assertThat(host.alive).hasSize(1);
  }

  @Test
  void v1alpha2FileKeepsFlatIpAddresses() throws Exception {
    repo.write("old.yaml", MY_VM.replace("v1alpha4", "v1alpha2"));
    host.failStart.clear();
    sync.run();
    String after = repo.read("old.yaml");
    assertThat(after).doesNotContain("network:");
  }
}
