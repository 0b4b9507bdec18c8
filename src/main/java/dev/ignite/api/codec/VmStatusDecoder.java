package dev.ignite.api.codec;

import dev.ignite.api.Condition;
import dev.ignite.api.VmStatus;
import dev.ignite.api.VmStatus.NetworkStatus;
import dev.ignite.api.VmStatus.RuntimeStatus;
import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads a VM {@code status}, including v1alpha2's flat {@code ipAddresses}. */
final class VmStatusDecoder {
  private VmStatusDecoder() {}

  static VmStatus decode(Fields root, String version) {
    Fields status = root.object("status");
    if (status == null) {
      return VmStatus.EMPTY;
    }
    Boolean running = status.bool("running");
    VmStatus result =
        new VmStatus(
            Boolean.TRUE.equals(running),
            status.time("startTime"),
            runtime(status),
            network(status, version),
            OciSourceDecoder.decode(status, "image"),
            OciSourceDecoder.decode(status, "kernel"),
            status.string("idPrefix"),
            conditions(status));
    status.finish();
    return result;
  }

  private static RuntimeStatus runtime(Fields status) {
    Fields f = status.object("runtime");
    if (f == null) {
      return null;
    }
    RuntimeStatus r = new RuntimeStatus(f.string("name"), f.text("id"));
    f.finish();
    return r;
  }

  private static NetworkStatus network(Fields status, String version) {
    // v1alpha2 wrote the addresses flat under status; later versions nest them under network
    List<String> flat = "v1alpha2".equals(version) ? status.strings("ipAddresses") : null;
    Fields f = status.object("network");
    if (f == null) {
      return flat == null ? null : new NetworkStatus(null, flat);
    }
    String plugin = f.string("plugin");
    List<String> nested = f.strings("ipAddresses");
    f.finish();
    List<String> ips = nested != null && !nested.isEmpty() ? nested : flat;
    return new NetworkStatus(plugin, ips);
  }

  private static List<Condition> conditions(Fields status) {
    List<Fields> items = status.objects("conditions");
    if (items == null) {
      return null;
    }
    List<Condition> out = new ArrayList<>(items.size());
    for (Fields c : items) {
      String type = c.nonEmpty("type");
      if (type == null && c.peek("type") == null) {
        c.missing("type", "the condition's name, e.g. Ready");
      }
      Node statusNode = c.take("status");
      String value = c.peek("status");
      if (statusNode != null && !Condition.STATUSES.contains(value)) {
        c.error(
            statusNode,
            "status",
            "want True, False or Unknown, got " + Scalars.describe(statusNode));
      }
      out.add(
          new Condition(
              type, value, c.string("reason"), c.string("message"), c.time("lastTransitionTime")));
      c.finish();
    }
    return out;
  }
}
