package dev.ignite.adapters.qemu;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks a guest to shut down through QMP. Each exchange is bounded in time: a wedged QEMU must not
 * hang {@code ignite stop}, which then falls back to a hard stop.
 */
final class GuestPower {
  private static final Logger LOG = LoggerFactory.getLogger(GuestPower.class);
  private static final long QMP_TIMEOUT_SECONDS = 5;

  private GuestPower() {}

  /**
   * Sends both an ACPI power-button press and Ctrl-Alt-Del: distro kernels often have the ACPI
   * button driver only as a module the guest may lack, while every PC guest sees the keyboard. With
   * {@code -no-reboot}, a guest that answers Ctrl-Alt-Del by rebooting also ends QEMU.
   */
  static void requestPowerOff(Path qmpSocket) {
    bounded(
        qmpSocket,
        "power-down",
        qmp -> {
          qmp.execute("system_powerdown");
          qmp.sendKeys(List.of("ctrl", "alt", "delete"));
        });
  }

  static void quit(Path qmpSocket) {
    bounded(qmpSocket, "quit", qmp -> qmp.execute("quit"));
  }

  private interface Exchange {
    void run(QmpClient qmp) throws IOException;
  }

  private static void bounded(Path socket, String what, Exchange exchange) {
    CompletableFuture<Void> future =
        CompletableFuture.runAsync(
            () -> {
              try (QmpClient qmp = QmpClient.connect(socket)) {
                exchange.run(qmp);
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    try {
      future.get(QMP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      LOG.warn("QMP {} on {} timed out", what, socket);
    } catch (ExecutionException e) {
      LOG.warn("QMP {} on {} failed: {}", what, socket, e.getCause().getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
