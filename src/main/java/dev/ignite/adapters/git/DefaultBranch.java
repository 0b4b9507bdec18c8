package dev.ignite.adapters.git;

import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;

/**
 * The branch a remote's HEAD names: its symref when the server says it (protocol v2, or v0's {@code
 * symref} capability), else the branch at HEAD's commit, {@code main} and {@code master} first.
 */
final class DefaultBranch {
  private DefaultBranch() {}

  static Optional<String> of(Map<String, Ref> advertised) {
    Ref head = advertised.get(Constants.HEAD);
    if (head == null) {
      return Optional.empty();
    }
    if (head.isSymbolic()) {
      String target = head.getTarget().getName();
      return target.startsWith(Constants.R_HEADS)
          ? Optional.of(target.substring(Constants.R_HEADS.length()))
          : Optional.empty();
    }
    ObjectId id = head.getObjectId();
    for (String preferred : new String[] {"main", "master"}) {
      Ref ref = advertised.get(Constants.R_HEADS + preferred);
      if (ref != null && id != null && id.equals(ref.getObjectId())) {
        return Optional.of(preferred);
      }
    }
    return advertised.values().stream()
        .filter(r -> r.getName().startsWith(Constants.R_HEADS))
        .filter(r -> id != null && id.equals(r.getObjectId()))
        .map(r -> r.getName().substring(Constants.R_HEADS.length()))
        .sorted()
        .findFirst();
  }
}
