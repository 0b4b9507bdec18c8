package dev.ignite.gitops.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Short answers to HTTP requests, and the one way a client-sent string reaches a log line. */
final class Replies {
  private Replies() {}

  static void text(HttpExchange exchange, int code, String body) throws IOException {
    send(exchange, code, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
  }

  static void send(HttpExchange exchange, int code, String contentType, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(code, head ? -1 : body.length == 0 ? -1 : body.length);
    if (!head && body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** 405 naming the methods that {@code exchange}'s path takes. */
  static void methodNotAllowed(HttpExchange exchange, String allowed) throws IOException {
    exchange.getResponseHeaders().set("Allow", allowed);
    text(
        exchange,
        405,
        "method "
            + printable(exchange.getRequestMethod(), 20)
            + " not allowed; use "
            + allowed
            + "\n");
  }

  /** Answers {@code code} unless an answer was already begun. */
  static void tryText(HttpExchange exchange, int code, String body) {
    try {
      if (exchange.getResponseCode() == -1) {
        text(exchange, code, body);
      }
    } catch (IOException | RuntimeException ignored) {
      // the client is gone; the failure itself was logged
    }
  }

  /**
   * {@code s} with control characters replaced and cut to {@code max} characters: a client chooses
   * these strings, and must not be able to forge log lines with them.
   */
  static String printable(String s, int max) {
    StringBuilder out = new StringBuilder(Math.min(s.length(), max));
    for (int i = 0; i < s.length() && out.length() < max; i++) {
      char c = s.charAt(i);
      out.append(Character.isISOControl(c) ? '?' : c);
    }
    return s.length() > max ? out + "…" : out.toString();
  }
}
