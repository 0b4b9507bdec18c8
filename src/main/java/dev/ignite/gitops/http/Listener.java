package dev.ignite.gitops.http;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One HTTP server per listen address, shared by the webhook and the metrics endpoints when they are
 * given the same address, and stopped when its last user lets go.
 */
final class Listener {
  /** Handler threads per server: every request is answered from memory in microseconds. */
  private static final int THREADS = 4;

  private static final Map<InetSocketAddress, Listener> OPEN = new HashMap<>();

  static {
    // A client that sends its request slowly would hold one of the few handler threads for as
    // long as it likes; the JDK server closes such connections only when told a limit, read once
    // per JVM when its first server is made. Respected if the operator set them already.
    limitSeconds("sun.net.httpserver.maxReqTime", 10);
    limitSeconds("sun.net.httpserver.maxRspTime", 10);
  }

  private final InetSocketAddress key;
  private final HttpServer server;
  private final ExecutorService executor;
  private int users;

  private Listener(InetSocketAddress key, HttpServer server, ExecutorService executor) {
    this.key = key;
    this.server = server;
    this.executor = executor;
  }

  /** The server listening on {@code address}, started now if none is; port 0 is never shared. */
  static synchronized Listener acquire(InetSocketAddress address) throws IOException {
    Listener listener = address.getPort() == 0 ? null : OPEN.get(address);
    if (listener == null) {
      listener = start(address);
      if (address.getPort() != 0) {
        OPEN.put(address, listener);
      }
    }
    listener.users++;
    return listener;
  }

  private static Listener start(InetSocketAddress address) throws IOException {
    HttpServer server;
    try {
      server = HttpServer.create(address, 0);
    } catch (BindException e) {
      throw new IOException("cannot listen on " + show(address) + ": " + e.getMessage(), e);
    }
    ExecutorService executor = Executors.newFixedThreadPool(THREADS, threads(address));
    server.setExecutor(executor);
    server.start();
    return new Listener(address, server, executor);
  }

  /** Serves {@code path} and everything under it with {@code handler}. */
  synchronized void serve(String path, HttpHandler handler) {
    server.createContext(path, new Guarded(handler));
  }

  InetSocketAddress address() {
    return server.getAddress();
  }

  /** Stops serving {@code paths}; the last user's release stops the server. */
  void release(List<String> paths) {
    synchronized (Listener.class) {
      paths.forEach(server::removeContext);
      if (--users == 0) {
        OPEN.remove(key, this);
        server.stop(0);
        executor.shutdownNow();
      }
    }
  }

  static String show(InetSocketAddress address) {
    String host =
        address.getAddress() == null
            ? address.getHostString()
            : address.getAddress().getHostAddress();
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
  }

  private static java.util.concurrent.ThreadFactory threads(InetSocketAddress address) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread t =
          new Thread(task, "ignited-http-" + address.getPort() + "-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  private static void limitSeconds(String property, int seconds) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, Integer.toString(seconds));
    }
  }
}
