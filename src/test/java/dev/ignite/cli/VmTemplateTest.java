package dev.ignite.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VmTemplateTest {
  @Test
  void rendersFieldsAndLiteralText() {
    VmTemplate t = VmTemplate.parse("{{.ObjectMeta.Name}}: {{.Spec.Memory}} / {{.Spec.CPUs}} cpu");
    assertThat(t.render(VmFilterTest.WEB)).isEqualTo("web-1: 800.0 MB / 1 cpu");
  }

  @Test
  void rendersLikeGoDoes() {
    assertThat(
            VmTemplate.parse("{{.Status.Running}} {{.Labels}} {{.Status.IPAddresses}}")
                .render(VmFilterTest.WEB))
        .isEqualTo("false map[env:prod] []");
    assertThat(VmTemplate.parse("{{.Status.Runtime.ID}}").render(VmFilterTest.WEB))
        .isEqualTo("<nil>");
  }

  @Test
  void refusesWhatItCannotRender() {
    assertThatThrownBy(() -> VmTemplate.parse("{{range .Spec}}"))
        .hasMessageContaining("not supported");
    assertThatThrownBy(() -> VmTemplate.parse("{{.Spec.Memory"))
        .hasMessageContaining("never closed");
    assertThatThrownBy(() -> VmTemplate.parse("{{.Spec.Memroy}}"))
        .hasMessageContaining("unknown VM field \".Spec.Memroy\"");
  }
}
