package dev.ignite.adapters.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectIdRef;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.SymbolicRef;
import org.junit.jupiter.api.Test;

class DefaultBranchTest {
  private static final ObjectId A = ObjectId.fromString("1111111111111111111111111111111111111111");
  private static final ObjectId B = ObjectId.fromString("2222222222222222222222222222222222222222");

  @Test
  void followsTheHeadSymref() {
    Ref trunk = ref("refs/heads/trunk", A);
    Ref head = new SymbolicRef("HEAD", trunk);

    assertThat(DefaultBranch.of(Map.of("HEAD", head, trunk.getName(), trunk))).contains("trunk");
  }

  @Test
  void withoutASymrefPicksTheBranchAtHeadsCommitMainFirst() {
    Map<String, Ref> refs =
        Map.of(
            "HEAD", ref("HEAD", A),
            "refs/heads/aaa", ref("refs/heads/aaa", A),
            "refs/heads/main", ref("refs/heads/main", A),
            "refs/heads/other", ref("refs/heads/other", B));

    assertThat(DefaultBranch.of(refs)).contains("main");
  }

  @Test
  void anEmptyRemoteHasNoDefaultBranch() {
    assertThat(DefaultBranch.of(Map.of())).isEmpty();
  }

  private static Ref ref(String name, ObjectId id) {
    return new ObjectIdRef.PeeledNonTag(Ref.Storage.NETWORK, name, id);
  }
}
