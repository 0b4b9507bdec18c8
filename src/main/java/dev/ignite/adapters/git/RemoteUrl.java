package dev.ignite.adapters.git;

import dev.ignite.ports.GitException;
import dev.ignite.ports.GitException.Reason;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.transport.URIish;

/**
 * A remote repository's address in one of the forms the daemon accepts, with the transport it
 * needs. Parsed as git does: {@code scheme://…}; else {@code [user@]host:path} when a colon comes
 * before any slash (scp-like SSH); else a local path.
 */
record RemoteUrl(Kind kind, URIish uri) {

  enum Kind {
    SSH,
    HTTPS,
    LOCAL
  }

  private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*)://");
  private static final Pattern HELPER = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*::");
  private static final Pattern SCP_LIKE =
      Pattern.compile("^(?:[^@/:]+@)?(?:\\[[^\\]/]+\\]|[^:/]+):");

  static RemoteUrl parse(String text) {
    String url = text.strip();
    if (url.isEmpty()) {
      throw invalid(text, "it is empty");
    }
    if (url.startsWith("-")) {
      throw invalid(text, "it starts with '-'");
    }
    if (HELPER.matcher(url).find()) {
      throw invalid(text, "transport helpers (NAME::…) are not supported");
    }
    Matcher scheme = SCHEME.matcher(url);
    if (scheme.find()) {
      return withScheme(url, scheme.group(1).toLowerCase(Locale.ROOT));
    }
    if (SCP_LIKE.matcher(url).find()) {
      return new RemoteUrl(Kind.SSH, uri(url));
    }
    return local(url);
  }

  private static RemoteUrl withScheme(String url, String scheme) {
    return switch (scheme) {
      case "ssh", "git+ssh", "ssh+git" -> new RemoteUrl(Kind.SSH, uri(url));
      case "https" -> new RemoteUrl(Kind.HTTPS, uri(url));
      case "file" -> new RemoteUrl(Kind.LOCAL, uri(url));
      case "http" ->
          throw invalid(url, "plain http:// would send the login in clear text; use https://");
      default ->
          throw invalid(
              url, "the scheme " + scheme + ":// is not supported (ssh, https, file or a path)");
    };
  }

  private static RemoteUrl local(String url) {
    try {
      return new RemoteUrl(Kind.LOCAL, uri(Path.of(url).toAbsolutePath().normalize().toString()));
    } catch (InvalidPathException e) {
      throw invalid(url, "it is not a path: " + e.getMessage());
    }
  }

  private static URIish uri(String url) {
    try {
      URIish uri = new URIish(url);
      if (uri.getPath() == null || uri.getPath().isEmpty()) {
        throw invalid(url, "it names no repository path");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw invalid(url, e.getMessage());
    }
  }

  private static GitException invalid(String url, String why) {
    return new GitException(
        Reason.INVALID, "the Git repository URL '" + url + "' is not usable: " + why);
  }

  /** The URL for messages and logs: never a password that was written into it. */
  @Override
  public String toString() {
    return uri.setPass(null).toString();
  }
}
