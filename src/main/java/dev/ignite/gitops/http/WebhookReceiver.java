package dev.ignite.gitops.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's push webhook: {@code POST /webhook} from GitHub, GitLab or anything that can send a
 * bearer token makes the daemon sync now instead of at its next interval. The request is
 * authenticated by the shared secret ({@link WebhookAuth}); its body is read (at most {@link
 * #MAX_BODY_BYTES}) only to check GitHub's signature, never parsed: the sync fetches the repository
 * itself, so nothing in a hook can steer what is applied.
 *
 * <p>Without a secret the receiver listens only on a loopback address, where any local process may
 * trigger a sync; on any other address it refuses to be made.
 */
public final class WebhookReceiver implements AutoCloseable {
  public static final String PATH = "/webhook";
  public static final long MAX_BODY_BYTES = 1 << 20;

  private static final Logger LOG = LoggerFactory.getLogger(WebhookReceiver.class);

  private final InetSocketAddress address;
  private final WebhookAuth auth;
  private final Runnable trigger;
  private final DaemonMetrics metrics;
  private Listener listener;

  /**
   * {@code trigger} is called once per accepted hook on an HTTP thread and must return at once
   * (wake the loop; {@link SyncTrigger} coalesces bursts). Throws {@link IllegalArgumentException}
   * for a blank or padded secret, or for no secret on an address that is not loopback.
   */
  public WebhookReceiver(
      InetSocketAddress address, Optional<String> secret, Runnable trigger, DaemonMetrics metrics) {
    this.address = Objects.requireNonNull(address);
    secret.ifPresent(WebhookReceiver::checkSecret);
    if (secret.isEmpty() && !isLoopback(address)) {
      throw new IllegalArgumentException(
          "the webhook would listen on "
              + Listener.show(address)
              + " without a secret, so anyone who reaches that address could make the daemon sync"
              + " at will; give the webhook a secret, or listen on a loopback address such as"
              + " 127.0.0.1:"
              + address.getPort());
    }
    this.auth = new WebhookAuth(secret);
    this.trigger = Objects.requireNonNull(trigger);
    this.metrics = Objects.requireNonNull(metrics);
  }

  /** Starts listening (or joins the metrics server on the same address). */
  public synchronized void start() throws IOException {
    if (listener == null) {
      listener = Listener.acquire(address);
      listener.serve(PATH, this::handle);
      LOG.info("webhook listening on http://{}{}", Listener.show(listener.address()), PATH);
    }
  }

  /** The address listened on, with the port the system chose for port 0; after {@link #start}. */
  public synchronized InetSocketAddress address() {
    if (listener == null) {
      throw new IllegalStateException("the webhook receiver is not started");
    }
    return listener.address();
  }

  @Override
  public synchronized void close() {
    if (listener != null) {
      listener.release(List.of(PATH));
      listener = null;
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    if (!exchange.getRequestURI().getPath().equals(PATH)) {
      Replies.text(exchange, 404, "not found\n");
    } else if (!exchange.getRequestMethod().equals("POST")) {
      refuse(
          exchange,
          WebhookResult.METHOD_NOT_ALLOWED,
          "method " + Replies.printable(exchange.getRequestMethod(), 20));
      Replies.methodNotAllowed(exchange, "POST");
    } else {
      receive(exchange);
    }
  }

  private void receive(HttpExchange exchange) throws IOException {
    Optional<Mac> mac = auth.bodyMac();
    if (declaredLength(exchange) > MAX_BODY_BYTES || !readBody(exchange, mac)) {
      refuse(exchange, WebhookResult.TOO_LARGE, "body over " + MAX_BODY_BYTES + " bytes");
      Replies.text(exchange, 413, "body over " + MAX_BODY_BYTES + " bytes\n");
      return;
    }
    WebhookAuth.Verdict verdict = auth.verify(exchange.getRequestHeaders(), mac.map(Mac::doFinal));
    if (!verdict.accepted()) {
      refuse(exchange, WebhookResult.UNAUTHORIZED, verdict.how());
      exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
      Replies.text(exchange, 401, "unauthorized\n");
    } else if ("ping".equals(exchange.getRequestHeaders().getFirst("X-GitHub-Event"))) {
      accept(exchange, WebhookResult.PING, verdict.how(), "no sync");
      Replies.text(exchange, 200, "pong\n");
    } else {
      trigger.run();
      accept(exchange, WebhookResult.ACCEPTED, verdict.how(), "sync requested");
      Replies.text(exchange, 202, "sync requested\n");
    }
  }

  private static boolean readBody(HttpExchange exchange, Optional<Mac> mac) throws IOException {
    try (InputStream body = exchange.getRequestBody()) {
      return CappedBody.read(body, MAX_BODY_BYTES, mac);
    }
  }

  private static long declaredLength(HttpExchange exchange) {
    String length = exchange.getRequestHeaders().getFirst("Content-Length");
    try {
      return length == null ? -1 : Long.parseLong(length.strip());
    } catch (NumberFormatException e) {
      return -1; // the body is read with the cap all the same
    }
  }

  private void accept(HttpExchange exchange, WebhookResult result, String how, String outcome) {
    metrics.webhook(result);
    LOG.info(
        "webhook from {}: {} accepted ({}), {}", client(exchange), event(exchange), how, outcome);
  }

  private void refuse(HttpExchange exchange, WebhookResult result, String why) {
    metrics.webhook(result);
    LOG.warn("webhook from {} refused ({}): {}", client(exchange), result.label(), why);
  }

  private static String event(HttpExchange exchange) {
    String github = exchange.getRequestHeaders().getFirst("X-GitHub-Event");
    String gitlab = exchange.getRequestHeaders().getFirst("X-Gitlab-Event");
    String event = github != null ? github : gitlab != null ? gitlab : "hook";
    return Replies.printable(event, 40);
  }

  private static String client(HttpExchange exchange) {
    return Listener.show(exchange.getRemoteAddress());
  }

  private static boolean isLoopback(InetSocketAddress address) {
    return address.getAddress() != null && address.getAddress().isLoopbackAddress();
  }

  private static void checkSecret(String secret) {
    if (secret.isBlank()) {
      throw new IllegalArgumentException("the webhook secret is empty");
    }
    if (!secret.strip().equals(secret)) {
      throw new IllegalArgumentException(
          "the webhook secret begins or ends with white space (a line break from a file?),"
              + " which no token header could carry");
    }
  }
}
