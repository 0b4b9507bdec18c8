package dev.ignite.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ignite.api.ObjectMeta;
import dev.ignite.api.PortMapping;
import dev.ignite.api.PortMapping.Protocol;
import dev.ignite.api.Size;
import dev.ignite.api.Vm;
import dev.ignite.api.VmSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class VmValidatorTest {
  private static Vm withPorts(PortMapping... ports) {
    VmSpec spec =
        VmSpec.UNSET
            .withImage("busybox")
            .withCpus(1)
            .withMemory(Size.ofMiB(128))
            .withDiskSize(Size.ofMiB(512))
            .withPorts(List.of(ports));
    return new Vm(ObjectMeta.named("vm"), spec, null);
  }

  @Test
  void refusesABindAddressThatWouldAddQemuOptions() {
    // `--ports` takes any text before HOST:VM; a comma would start a new hostfwd/netdev option.
    Vm vm = withPorts(new PortMapping(8080, 80, "127.0.0.1,hostfwd=tcp::2222-:22", Protocol.TCP));

    assertThatThrownBy(() -> VmValidator.check(vm))
        .hasMessageContaining("spec.network.ports: bindAddress \"127.0.0.1,hostfwd")
        .hasMessageContaining("want an IP address");
  }

  @Test
  void refusesTheSameHostPortForwardedTwice() {
    Vm vm =
        withPorts(
            new PortMapping(8080, 80, "127.0.0.1", Protocol.TCP),
            new PortMapping(8080, 81, "0.0.0.0", Protocol.TCP));

    assertThatThrownBy(() -> VmValidator.check(vm))
        .hasMessageContaining("host port 8080/tcp is forwarded twice");
  }

  @Test
  void acceptsIpv4AndIpv6BindAddressesAndOnePortPerProtocol() {
    Vm vm =
        withPorts(
            new PortMapping(5353, 53, "127.0.0.1", Protocol.TCP),
            new PortMapping(5353, 53, "::1", Protocol.UDP));

    assertThatCode(() -> VmValidator.check(vm)).doesNotThrowAnyException();
  }

  @Test
  void refusesAKernelCommandLineTheKernelWouldCutOrQemuCouldNotPass() {
    assertThat(VmValidator.cmdLineProblem("console=ttyS0 root=/dev/vda rw")).isEmpty();
    assertThat(VmValidator.cmdLineProblem("x".repeat(2047))).isEmpty();
    assertThat(VmValidator.cmdLineProblem("x".repeat(2048)))
        .hasValueSatisfying(p -> assertThat(p).contains("2048 bytes", "2047"));
    assertThat(VmValidator.cmdLineProblem("quiet\u0000init=/bin/sh"))
        .hasValueSatisfying(p -> assertThat(p).contains("U+0000", "position 5"));
    assertThat(VmValidator.cmdLineProblem("quiet\ninit=/bin/sh")).isPresent();
  }
}
