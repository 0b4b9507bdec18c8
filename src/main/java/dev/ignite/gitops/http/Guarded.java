package dev.ignite.gitops.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a handler so that a failure is logged and answered with 500: the JDK server would only drop
 * the connection and log at a level nobody reads.
 */
final class Guarded implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(Guarded.class);

  private final HttpHandler handler;

  Guarded(HttpHandler handler) {
    this.handler = handler;
  }

  @Override
  public void handle(HttpExchange exchange) {
    try (exchange) {
      handler.handle(exchange);
    } catch (IOException e) {
      LOG.debug(
          "HTTP {} {}: connection lost: {}",
          exchange.getRequestMethod(),
          path(exchange),
          e.toString());
    } catch (RuntimeException e) {
      LOG.warn(
          "HTTP {} {} failed: {}", exchange.getRequestMethod(), path(exchange), e.toString(), e);
      Replies.tryText(exchange, 500, "internal error\n");
    }
  }

  private static String path(HttpExchange exchange) {
    return Replies.printable(exchange.getRequestURI().getRawPath(), 200);
  }
}
