package dev.ignite.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ignite.api.Defaults;
import dev.ignite.api.ObjectMeta;
import dev.ignite.api.Size;
import dev.ignite.api.Uid;
import dev.ignite.api.Vm;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VmFilterTest {
  static final Vm WEB =
      new Vm(
          ObjectMeta.named("web-1")
              .withUid(new Uid("abc1000000000000"))
              .withLabels(Map.of("env", "prod")),
          Defaults.apply(Defaults.BUILT_IN.withImage("nginx").withMemory(Size.ofMiB(800))),
          null);

  private static boolean matches(String filter) {
    return VmFilter.parseAll(filter).test(WEB);
  }

  @Test
  void shortKeysAndGoTemplatePathsMeanTheSame() {
    assertThat(matches("name=web-1")).isTrue();
    assertThat(matches("{{.ObjectMeta.Name}}=web-1")).isTrue();
    assertThat(matches("{{ .ObjectMeta.Name }}=web-2")).isFalse();
  }

  @Test
  void supportsEveryOperator() {
    assertThat(matches("name==web-1")).isTrue();
    assertThat(matches("name!=web-1")).isFalse();
    assertThat(matches("name=~^web-[0-9]$")).isTrue();
    assertThat(matches("name!~^db")).isTrue();
    assertThat(matches("name!~^web")).isFalse();
  }

  @Test
  void severalFiltersMustAllHold() {
    assertThat(matches("name=web-1,image=nginx")).isTrue();
    assertThat(matches("name=web-1,image=alpine")).isFalse();
    assertThat(matches("{{.Spec.Memory}}=800.0 MB,{{.Labels.env}}=prod")).isTrue();
  }

  @Test
  void statusAndUidFiltersWork() {
    assertThat(matches("running=false")).isTrue();
    assertThat(matches("{{.Status.Running}}=true")).isFalse();
    assertThat(matches("id=~^abc")).isTrue();
  }

  @Test
  void badFiltersSayWhatIsExpected() {
    assertThatThrownBy(() -> VmFilter.parseAll("name")).hasMessageContaining("want KEY=VALUE");
    assertThatThrownBy(() -> VmFilter.parseAll("colour=red"))
        .hasMessageContaining("unknown key \"colour\"");
    assertThatThrownBy(() -> VmFilter.parseAll("{{.Spec.Colour}}=red"))
        .hasMessageContaining("unknown VM field");
    assertThatThrownBy(() -> VmFilter.parseAll("name=~(")).hasMessageContaining("filter regex");
  }
}
