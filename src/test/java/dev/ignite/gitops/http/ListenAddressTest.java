package dev.ignite.gitops.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class ListenAddressTest {
  @Test
  void aBarePortListensOnEveryInterface() {
    InetSocketAddress address = ListenAddress.parse(":9100");

    assertThat(address.getAddress().isAnyLocalAddress()).isTrue();
    assertThat(address.getPort()).isEqualTo(9100);
  }

  @Test
  void hostsMayBeAddressesNamesOrBracketedIpv6() {
    assertThat(ListenAddress.parse("127.0.0.1:9100").getAddress().isLoopbackAddress()).isTrue();
    assertThat(ListenAddress.parse("localhost:80").getAddress().isLoopbackAddress()).isTrue();
    assertThat(ListenAddress.parse("[::1]:9100").getAddress().getHostAddress())
        .isEqualTo("0:0:0:0:0:0:0:1");
    assertThat(ListenAddress.parse("0.0.0.0:0").getPort()).isZero();
  }

  @Test
  void refusesWhatIsNotHostAndPort() {
    assertThatThrownBy(() -> ListenAddress.parse("9100"))
        .hasMessage("listen address \"9100\": it needs a port, as in 127.0.0.1:9100 or :9100");
    assertThatThrownBy(() -> ListenAddress.parse("::1:9100")).hasMessageContaining("in brackets");
    for (String bad : new String[] {"host:", ":65536", ":-1", ":http", ":１２３"}) {
      assertThatThrownBy(() -> ListenAddress.parse(bad))
          .as(bad)
          .hasMessageContaining("the port must be a number");
    }
  }
}
