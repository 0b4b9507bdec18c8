package dev.ignite.core.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignite.api.ObjectMeta;
import dev.ignite.api.Ownership;
import dev.ignite.api.Uid;
import dev.ignite.api.Vm;
import dev.ignite.api.VmSpec;
import dev.ignite.api.VmStatus;
import dev.ignite.ports.LocalChanges;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandCommandsTest {
  static final String REPO = "file:///vms.git";

  final List<LocalChanges.Change> pending = new ArrayList<>();
  final LocalChanges changes =
      new LocalChanges() {
        @Override
        public void record(Change change) {
          pending.add(change);
        }

        @Override
        public void declareDaemon(String repository, boolean readOnly) {}

        @Override
        public boolean readOnly(String repository) {
          return false;
        }

        @Override
        public List<Change> pending(String repository) {
          return pending.stream().filter(c -> c.repository().equals(repository)).toList();
        }

        @Override
        public void done(List<Change> done) {
          pending.removeAll(done);
        }
      };

  final Vm vm =
      new Vm(
          Ownership.mark(ObjectMeta.named("my-vm").withUid(Uid.generate()), REPO, "my-vm.yaml"),
          VmSpec.UNSET,
          VmStatus.EMPTY);

  void byHand(Vm on, LocalChanges.Kind kind) {
    changes.record(
        new LocalChanges.Change(
            "c" + pending.size(),
            REPO,
            "my-vm.yaml",
            on.name(),
            on.uid(),
            kind,
            "ignite " + kind.name().toLowerCase() + " " + on.name(),
            "host1",
            Instant.EPOCH));
  }

  @Test
  void aStopByHandThatTheSyncHasNotReadYetHoldsTheStartBack() {
    byHand(vm, LocalChanges.Kind.STOPPED);
    assertThat(new HandCommands(changes).stoppedOrRemoved(vm))
        .hasValueSatisfying(c -> assertThat(c.command()).isEqualTo("ignite stopped my-vm"));
  }

  @Test
  void aStartAfterTheStopLetsItBoot() {
    byHand(vm, LocalChanges.Kind.STOPPED);
    byHand(vm, LocalChanges.Kind.STARTED);
    assertThat(new HandCommands(changes).stoppedOrRemoved(vm)).isEmpty();
  }

  @Test
  void anotherVmsCommandsDoNotCount() {
    Vm other =
        new Vm(
            Ownership.mark(ObjectMeta.named("other").withUid(Uid.generate()), REPO, "other.yaml"),
            VmSpec.UNSET,
            VmStatus.EMPTY);
    byHand(other, LocalChanges.Kind.REMOVED);
    assertThat(new HandCommands(changes).stoppedOrRemoved(vm)).isEmpty();
  }

  @Test
  void aVmMadeByHandHasNoRepositoryToAsk() {
    Vm handMade = new Vm(ObjectMeta.named("my-vm").withUid(vm.uid()), VmSpec.UNSET, VmStatus.EMPTY);
    byHand(vm, LocalChanges.Kind.STOPPED);
    assertThat(new HandCommands(changes).stoppedOrRemoved(handMade)).isEmpty();
  }
}
