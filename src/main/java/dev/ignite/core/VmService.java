package dev.ignite.core;

import dev.ignite.api.Configuration;
import dev.ignite.api.Defaults;
import dev.ignite.api.ObjectMeta;
import dev.ignite.api.Uid;
import dev.ignite.api.Vm;
import dev.ignite.api.VmSpec;
import dev.ignite.api.VmStatus;
import dev.ignite.ports.StateStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** VM operations shared by the CLI and the daemon. Booting arrives with the runtime. */
public final class VmService {
  private final StateStore store;
  private final Configuration config;
  private final VmSpec builtIn;
  private final Clock clock;

  /** With the built-in defaults, whose kernel is the host's. */
  public VmService(StateStore store, Configuration config, Clock clock) {
    this(store, config, Defaults.BUILT_IN, clock);
  }

  /** {@code builtIn}: the lowest layer of every VM's values ({@link Defaults#builtIn}). */
  public VmService(StateStore store, Configuration config, VmSpec builtIn, Clock clock) {
    this.store = store;
    this.config = config;
    this.builtIn = builtIn;
    this.clock = clock;
  }

  /**
   * Records a new VM. {@code request.spec()} holds the flags over the file (see {@link
   * VmLayers#request}); the host's vmDefaults and the built-in defaults fill in the rest. A valid
   * uid in the request is kept, otherwise one is generated. Names and uids are unique on the host.
   */
  public Vm create(Vm request) {
    Vm vm = complete(request);
    if (vm.name() != null) {
      VmValidator.check(vm); // before taking the lock: bad input touches nothing
    }
    return store.withLock(
        () -> {
          List<Vm> existing = store.list(Vm.class);
          Vm named = vm.name() != null ? vm : withFreeName(vm, existing);
          VmValidator.check(named);
          refuseDuplicates(named, existing);
          store.put(named);
          return named;
        });
  }

  /**
   * Records several named VMs under one lock and one listing of the store: all or none. Each is
   * completed and validated as {@link #create} does.
   */
  public List<Vm> createAll(List<Vm> requests) {
    List<Vm> completed = requests.stream().map(this::complete).toList();
    completed.forEach(VmValidator::check);
    return store.withLock(
        () -> {
          Map<String, Vm> byName = new HashMap<>();
          Map<Uid, Vm> byUid = new HashMap<>();
          for (Vm vm : store.list(Vm.class)) {
            byName.put(vm.name(), vm);
            byUid.put(vm.uid(), vm);
          }
          for (Vm vm : completed) {
            refuseDuplicates(
                vm,
                Stream.of(byName.get(vm.name()), byUid.get(vm.uid()))
                    .filter(v -> v != null)
                    .toList());
            byName.put(vm.name(), vm);
            byUid.put(vm.uid(), vm);
          }
          store.putAll(completed);
          return completed;
        });
  }

  /**
   * Replaces a recorded VM's metadata and spec (completed with the host's defaults), keeping its
   * status; the VM must exist.
   */
  public Vm replace(Vm vm) {
    VmSpec spec = completeSpec(vm.spec());
    return store.withLock(
        () -> {
          Vm current =
              store
                  .get(Vm.class, vm.uid())
                  .orElseThrow(() -> new IllegalStateException("VM " + vm.name() + " is gone"));
          Vm updated = new Vm(vm.metadata(), spec, current.status());
          VmValidator.check(updated);
          store.put(updated);
          return updated;
        });
  }

  /**
   * A spec completed with the host's vmDefaults and the built-in defaults, as every create and
   * replace completes it: the daemon compares its files' VMs to the host's through this, so any
   * other completion would restart them on every sync.
   */
  public VmSpec completeSpec(VmSpec spec) {
    return VmLayers.complete(spec, config, builtIn);
  }

  public List<Vm> list() {
    return store.list(Vm.class).stream()
        .sorted(Comparator.comparing((Vm v) -> v.metadata().created()).thenComparing(Vm::name))
        .toList();
  }

  /** By exact uid, exact name or uid prefix. */
  public Vm get(String ref) {
    return store.find(Vm.class, ref);
  }

  /**
   * Removes a VM's record by its recorded status only. A VM that may be running is removed through
   * {@link VmLifecycle#remove}, which observes and ends its process first.
   */
  public Vm remove(String ref, boolean force) {
    return store.withLock(
        () -> {
          Vm vm = store.find(Vm.class, ref);
          if (vm.status().running() && !force) {
            throw new IllegalStateException(
                "VM "
                    + vm.name()
                    + " is running (as recorded): stop it first (ignite stop "
                    + vm.name()
                    + "), or use rm -f");
          }
          store.delete(Vm.class, vm.uid());
          return vm;
        });
  }

  private Vm complete(Vm request) {
    ObjectMeta meta = request.metadata();
    Uid uid = meta.uid() != null ? meta.uid() : Uid.generate();
    ObjectMeta completed =
        meta.withUid(uid).withCreated(clock.instant().truncatedTo(ChronoUnit.SECONDS));
    VmStatus status = VmStatus.EMPTY.withIdPrefix(config.idPrefixOrDefault());
    return new Vm(completed, completeSpec(request.spec()), status);
  }

  private Vm withFreeName(Vm vm, List<Vm> existing) {
    Set<String> taken = existing.stream().map(Vm::name).collect(Collectors.toSet());
    RandomGenerator random = new SecureRandom();
    String name = VmNames.generate(random);
    for (int i = 2; taken.contains(name); i++) {
      name = VmNames.generate(random) + (i > 10 ? "-" + i : "");
    }
    return vm.withMetadata(vm.metadata().withName(name));
  }

  private static void refuseDuplicates(Vm vm, List<Vm> existing) {
    for (Vm other : existing) {
      if (other.name().equals(vm.name())) {
        throw new IllegalStateException(
            "a VM named "
                + vm.name()
                + " already exists (uid "
                + other.uid()
                + "); pick another"
                + " --name or remove it with `ignite rm "
                + vm.name()
                + "`");
      }
      if (other.uid().equals(vm.uid())) {
        throw new IllegalStateException(
            "a VM with uid " + vm.uid() + " already exists (" + other.name() + ")");
      }
    }
  }
}
