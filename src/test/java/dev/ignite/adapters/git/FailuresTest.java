package dev.ignite.adapters.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignite.ports.GitException;
import dev.ignite.ports.GitException.Reason;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.Optional;
import org.eclipse.jgit.errors.NoRemoteRepositoryException;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.transport.URIish;
import org.junit.jupiter.api.Test;

/** What the daemon is told to do after each kind of network failure. */
class FailuresTest {
  private static final RemoteUrl URL = RemoteUrl.parse("ssh://git@git.example:2222/vms.git");

  @Test
  void aRefusedConnectionOrATimeoutIsUnreachable() {
    assertThat(reason(new TransportException("x", new ConnectException("Connection refused"))))
        .isEqualTo(Reason.UNREACHABLE);
    assertThat(reason(new TransportException("x", new SocketTimeoutException("Read timed out"))))
        .isEqualTo(Reason.UNREACHABLE);
  }

  @Test
  void aRefusedLoginIsRefused() {
    assertThat(reason(new TransportException("https://git.example/vms.git: not authorized")))
        .isEqualTo(Reason.REFUSED);
    assertThat(reason(new TransportException("Cannot log in\npublickey: no more keys to try")))
        .isEqualTo(Reason.REFUSED);
  }

  @Test
  void aMissingRepositoryIsInvalid() throws Exception {
    assertThat(reason(new NoRemoteRepositoryException(new URIish("ssh://h/x"), "not found.")))
        .isEqualTo(Reason.INVALID);
  }

  @Test
  void aRefusedHostKeyWinsAndItsReasonIsTheMessage() {
    GitException e =
        Failures.of(
            "fetch from",
            URL,
            new TransportException("Server key did not validate"),
            Optional.of("refused the SSH host key of [git.example]:2222: …"));

    assertThat(e.reason()).isEqualTo(Reason.REFUSED);
    assertThat(e.getMessage())
        .isEqualTo(
            "cannot fetch from ssh://git@git.example:2222/vms.git: refused the SSH host key of"
                + " [git.example]:2222: …");
  }

  @Test
  void theMessageIsOneLineWithoutTheUrlRepeated() {
    GitException e =
        Failures.of(
            "fetch from",
            URL,
            new TransportException(URL + ": Cannot log in\npublickey: no more keys to try"),
            Optional.empty());

    assertThat(e.getMessage())
        .isEqualTo(
            "cannot fetch from ssh://git@git.example:2222/vms.git: authentication refused"
                + " (Cannot log in; publickey: no more keys to try)");
  }

  private static Reason reason(Exception e) {
    return Failures.of("fetch from", URL, e, Optional.empty()).reason();
  }
}
