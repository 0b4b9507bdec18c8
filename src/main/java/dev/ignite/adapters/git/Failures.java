package dev.ignite.adapters.git;

import dev.ignite.ports.GitException;
import dev.ignite.ports.GitException.Reason;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.eclipse.jgit.errors.NoRemoteRepositoryException;

/** Sorts a failed network operation by what should happen next, in words that name the remote. */
final class Failures {
  private Failures() {}

  static GitException of(
      String doing, RemoteUrl url, Exception e, Optional<String> hostKeyRefusal) {
    String prefix = "cannot " + doing + " " + url + ": ";
    if (hostKeyRefusal.isPresent()) {
      return new GitException(Reason.REFUSED, prefix + hostKeyRefusal.get(), e);
    }
    String detail = messages(e).replace(url + ": ", "");
    if (e instanceof NoRemoteRepositoryException) {
      return new GitException(Reason.INVALID, prefix + "no repository there (" + detail + ")", e);
    }
    if (unreachable(e)) {
      return new GitException(Reason.UNREACHABLE, prefix + "unreachable (" + detail + ")", e);
    }
    String lower = detail.toLowerCase(Locale.ROOT);
    if (refused(lower)) {
      return new GitException(
          Reason.REFUSED, prefix + "authentication refused (" + detail + ")", e);
    }
    if (lower.contains("not found") || lower.contains("does not appear to be a git repository")) {
      return new GitException(Reason.INVALID, prefix + "no repository there (" + detail + ")", e);
    }
    return new GitException(Reason.UNREACHABLE, prefix + detail, e);
  }

  private static boolean unreachable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException
          || t instanceof UnknownHostException
          || t instanceof NoRouteToHostException
          || t instanceof InterruptedIOException
          || t instanceof TimeoutException) {
        return true;
      }
      String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      if (m.contains("timeout") || m.contains("timed out") || m.contains("connection refused")) {
        return true;
      }
    }
    return false;
  }

  private static boolean refused(String lower) {
    return lower.contains("auth")
        || lower.contains("permission denied")
        || lower.contains("publickey")
        || lower.contains("forbidden")
        || lower.contains("not permitted");
  }

  /** Each distinct message along the cause chain, outermost first, on one line. */
  static String messages(Throwable e) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
      if (all.indexOf(m) < 0) {
        all.append(all.length() == 0 ? "" : ": ").append(m);
      }
    }
    return all.toString().strip().replaceAll("\\s*\\R\\s*", "; ");
  }
}
