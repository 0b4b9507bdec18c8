package dev.ignite.gitops.http;

import dev.ignite.gitops.DaemonStatus;
import dev.ignite.gitops.DaemonStatus.VmState;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The managed VMs as gauges, made from one {@link DaemonStatus} at scrape time. */
final class VmGauges {
  static final String RUNNING = "Running";

  private VmGauges() {}

  static List<MetricSnapshot> of(DaemonStatus status) {
    return List.of(
        byPhase(status.vms()),
        perVm("vm_up", "1 while the VM runs", status.vms(), true),
        perVm("vm_want_running", "1 when the VM's file asks for it to run", status.vms(), false));
  }

  private static GaugeSnapshot byPhase(List<VmState> vms) {
    Map<String, Integer> counts = new TreeMap<>();
    vms.forEach(vm -> counts.merge(vm.phase(), 1, Integer::sum));
    GaugeSnapshot.Builder gauge =
        GaugeSnapshot.builder()
            .name(DaemonMetrics.PREFIX + "vms")
            .help("Managed VMs by the phase the host observed");
    counts.forEach((phase, n) -> gauge.dataPoint(point(n, Labels.of("phase", phase))));
    return gauge.build();
  }

  private static GaugeSnapshot perVm(String name, String help, List<VmState> vms, boolean up) {
    GaugeSnapshot.Builder gauge =
        GaugeSnapshot.builder().name(DaemonMetrics.PREFIX + name).help(help);
    for (VmState vm : vms) {
      boolean value = up ? RUNNING.equals(vm.phase()) : vm.wantRunning();
      gauge.dataPoint(point(value ? 1 : 0, Labels.of("name", vm.name())));
    }
    return gauge.build();
  }

  private static GaugeDataPointSnapshot point(double value, Labels labels) {
    return GaugeDataPointSnapshot.builder().value(value).labels(labels).build();
  }
}
