package dev.ignite.api.codec;

import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/** The VM document to patch: its root mapping, its metadata, and its status entry if any. */
record PatchTarget(MappingNode root, MappingNode metadata, Optional<NodeTuple> status) {
  boolean hasUid() {
    return PatchNodes.entry(metadata, "uid").isPresent();
  }
}
