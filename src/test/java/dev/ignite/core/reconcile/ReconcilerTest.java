package dev.ignite.core.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignite.api.Defaults;
import dev.ignite.api.FileMapping;
import dev.ignite.api.ObjectMeta;
import dev.ignite.api.Ownership;
import dev.ignite.api.Size;
import dev.ignite.api.Uid;
import dev.ignite.api.Vm;
import dev.ignite.api.VmSpec;
import dev.ignite.api.VmStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReconcilerTest {
  static final String REPO = "ssh://git@example/vms.git";

  final InMemoryVmActions host = new InMemoryVmActions();
  final ExecutorService workers = Executors.newFixedThreadPool(4);
  final MutableClock clock = new MutableClock();
  final Reconciler reconciler =
      new Reconciler(
          host,
          new Planner(REPO, spec -> spec.orElse(Defaults.BUILT_IN)),
          REPO,
          new RestartBackoff(clock),
          workers);

  @AfterEach
  void stop() {
    workers.shutdownNow();
  }

  static DesiredVm vm(String file, String name, boolean running, String memory) {
    VmSpec spec = VmSpec.UNSET.withImage("sample:1").withMemory(Size.parse(memory));
    return new DesiredVm(
        file,
        "ignite.weave.works/v1alpha4",
        new Vm(ObjectMeta.named(name), spec, VmStatus.EMPTY.withRunning(running)));
  }

  static DesiredState state(DesiredVm... vms) {
    return new DesiredState(List.of(vms), Set.of(), List.of());
  }

  Reconciler.Result sync(DesiredState s) {
    host.log.clear();
    return reconciler.reconcile(s);
  }

  @Test
  void createsAndStartsVmWhoseFileWantsItRunning() {
    sync(state(vm("a.yaml", "a", true, "512MB")));
    assertThat(host.log).containsExactly("create a", "start a");
    Vm a = host.list().get(0);
    assertThat(Ownership.ownedBy(a, REPO)).isTrue();
    assertThat(Ownership.file(a)).contains("a.yaml");
  }

  @Test
  void createsStoppedVmsInOneBatchWithoutStartingThem() {
    List<DesiredVm> many = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      many.add(vm("vm" + i + ".yaml", "vm" + i, false, "256MB"));
    }
    sync(new DesiredState(many, Set.of(), List.of()));
    assertThat(host.log).first().isEqualTo("createAll 50");
    assertThat(host.log).noneMatch(l -> l.startsWith("start"));
    assertThat(host.list()).hasSize(50);
  }

  @Test
  void secondSyncOfUnchangedFilesDoesNothing() {
    sync(state(vm("a.yaml", "a", true, "512MB")));
    Reconciler.Result again = sync(state(vm("a.yaml", "a", true, "512MB")));
    assertThat(again.plan().converged()).isTrue();
    assertThat(host.log).isEmpty();
  }

  @Test
  void restartsRunningVmWhenMemoryChanges() {
    sync(state(vm("a.yaml", "a", true, "512MB")));
    Reconciler.Result r = sync(state(vm("a.yaml", "a", true, "1GB")));
    assertThat(r.plan().steps())
        .singleElement()
        .extracting(Step::action)
        .isEqualTo(Step.Action.RESTART);
    assertThat(host.log).containsExactly("stop a", "update a", "start a");
    assertThat(host.list().get(0).spec().memory()).isEqualTo(Size.parse("1GB"));
  }

  @Test
  void recreatesVmOnNewDiskWhenImageChangesKeepingItsUid() {
    sync(state(vm("a.yaml", "a", true, "512MB")));
    Uid uid = host.list().get(0).uid();
    DesiredVm changed = vm("a.yaml", "a", true, "512MB");
    changed =
        new DesiredVm(
            "a.yaml",
            changed.apiVersion(),
            changed.vm().withSpec(changed.vm().spec().withImage("other:2")));
    sync(state(changed));
    assertThat(host.log).containsExactly("stop a", "remove a", "create a", "start a");
    assertThat(host.list().get(0).uid()).isEqualTo(uid);
    assertThat(host.list().get(0).spec().image()).isEqualTo("other:2");
  }

  @Test
  void stopsVmWhenRunningTurnsFalse() {
    sync(state(vm("a.yaml", "a", true, "512MB")));
    sync(state(vm("a.yaml", "a", false, "512MB")));
    assertThat(host.log).containsExactly("stop a");
  }

  @Test
  void removesVmWhenFileIsDeleted() {
    sync(state(vm("a.yaml", "a", true, "512MB"), vm("b.yaml", "b", false, "512MB")));
    sync(state(vm("b.yaml", "b", false, "512MB")));
    assertThat(host.log).containsExactly("stop a", "remove a");
    assertThat(host.list()).extracting(Vm::name).containsExactly("b");
  }

  @Test
  void keepsVmWhoseFileTurnedBroken() {
    sync(state(vm("a.yaml", "a", true, "512MB")));
    Reconciler.Result r =
        sync(
            new DesiredState(
                List.of(),
                Set.of("a.yaml"),
                List.of(
                    new DesiredState.Problem("a.yaml", 3, 1, "invalid YAML", Optional.empty()))));
    assertThat(host.log).isEmpty();
    assertThat(r.plan().steps())
        .singleElement()
        .extracting(Step::action)
        .isEqualTo(Step.Action.KEEP);
  }

  @Test
  void neverTouchesVmCreatedByHand() {
    host.create(new Vm(ObjectMeta.named("mine"), VmSpec.UNSET.withImage("x"), null));
    host.log.clear();
    Reconciler.Result r = sync(state(vm("mine.yaml", "mine", true, "512MB")));
    assertThat(host.log).isEmpty();
    assertThat(r.outcomes())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.step().action()).isEqualTo(Step.Action.REFUSE);
              assertThat(o.error()).hasValueSatisfying(e -> assertThat(e).contains("by hand"));
            });
    assertThat(sync(state()).plan().steps()).isEmpty(); // an unmanaged VM is not removed either
  }

  @Test
  void refusesBothDeclarationsOfOneName() {
    Reconciler.Result r =
        sync(state(vm("a.yaml", "same", true, "512MB"), vm("b.yaml", "same", true, "512MB")));
    assertThat(host.log).isEmpty();
    assertThat(r.outcomes())
        .hasSize(2)
        .allSatisfy(
            o ->
                assertThat(o.error())
                    .hasValueSatisfying(e -> assertThat(e).contains("a.yaml", "b.yaml")));
  }

  static DesiredVm copying(DesiredVm d, String hostPath) {
    return new DesiredVm(
        d.file(),
        d.apiVersion(),
        d.vm().withSpec(d.vm().spec().withCopyFiles(List.of(new FileMapping(hostPath, "/opt/x")))));
  }

  @Test
  void writesTheNewCopyFilesIntoTheDiskWhileTheVmIsStopped() {
    sync(state(copying(vm("a.yaml", "a", true, "512MB"), "/repo/one")));
    sync(state(copying(vm("a.yaml", "a", true, "512MB"), "/repo/two")));
    assertThat(host.log).containsExactly("stop a", "update a", "rewrite files a", "start a");
    sync(state(copying(vm("a.yaml", "a", true, "1GB"), "/repo/two")));
    assertThat(host.log)
        .as("memory alone: the files stay")
        .containsExactly("stop a", "update a", "start a");
  }

  @Test
  void aVmWhoseNewFilesCannotBeWrittenStillBootsAndSaysWhy() {
    sync(state(copying(vm("a.yaml", "a", true, "512MB"), "/repo/one")));
    host.failRewrite.add("a");
    Reconciler.Result r = sync(state(copying(vm("a.yaml", "a", true, "512MB"), "/repo/two")));
    assertThat(host.alive).hasSize(1);
    assertThat(r.outcomes())
        .singleElement()
        .satisfies(
            o ->
                assertThat(o.error())
                    .hasValueSatisfying(
                        e -> assertThat(e).contains("copyFiles", "/opt is a file")));
  }

  @Test
  void restartsVmWhoseProcessDiedWithBackoff() {
    sync(state(vm("a.yaml", "a", true, "512MB")));
    Uid uid = host.list().get(0).uid();
    host.alive.remove(uid); // the QEMU process died
    sync(state(vm("a.yaml", "a", true, "512MB")));
    assertThat(host.log).containsExactly("start a");
    host.alive.remove(uid); // and again, at once
    Reconciler.Result r = sync(state(vm("a.yaml", "a", true, "512MB")));
    assertThat(host.log).isEmpty();
    assertThat(r.outcomes().get(0).error())
        .hasValueSatisfying(e -> assertThat(e).contains("backing off"));
    clock.advance(11);
    sync(state(vm("a.yaml", "a", true, "512MB")));
    assertThat(host.log).containsExactly("start a");
  }

  @Test
  void failedStartIsReportedAndOtherVmsStillReconcile() {
    host.failStart.add("bad");
    Reconciler.Result r =
        sync(state(vm("bad.yaml", "bad", true, "512MB"), vm("good.yaml", "good", true, "512MB")));
    assertThat(host.log).contains("start good");
    assertThat(r.outcomes())
        .filteredOn(o -> o.step().name().equals("bad"))
        .singleElement()
        .satisfies(o -> assertThat(o.error()).contains("image not found in registry"));
  }

  @Test
  void adoptsVmsAfterRestartWithoutRecreatingThem() {
    sync(state(vm("a.yaml", "a", true, "512MB")));
    Reconciler fresh =
        new Reconciler(
            host,
            new Planner(REPO, spec -> spec.orElse(Defaults.BUILT_IN)),
            REPO,
            new RestartBackoff(clock),
            workers);
    host.log.clear();
    assertThat(fresh.reconcile(state(vm("a.yaml", "a", true, "512MB"))).plan().converged())
        .isTrue();
    assertThat(host.log).isEmpty();
  }

  static final class MutableClock extends Clock {
    Instant now = Instant.parse("2026-12-07T10:00:00Z");

    void advance(long seconds) {
      now = now.plusSeconds(seconds);
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
