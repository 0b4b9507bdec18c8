package dev.ignite.adapters.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Which state dir to use: {@code --state-dir}, else {@code IGNITE_STATE_DIR}, else {@code
 * /var/lib/ignite} for root and {@code ~/.local/share/ignite} for other users.
 */
public final class StateDirs {
  public static final String ENV = "IGNITE_STATE_DIR";
  public static final Path ROOT_DEFAULT = Path.of("/var/lib/ignite");

  private StateDirs() {}

  public static Path resolve(String flag, Map<String, String> env) {
    if (flag != null && !flag.isBlank()) {
      return Path.of(flag);
    }
    String fromEnv = env.get(ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Path.of(fromEnv);
    }
    if (isRoot()) {
      return ROOT_DEFAULT;
    }
    return Path.of(System.getProperty("user.home"), ".local", "share", "ignite");
  }

  private static boolean isRoot() {
    try {
      return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    } catch (IOException | UnsupportedOperationException e) {
      return "root".equals(System.getProperty("user.name"));
    }
  }
}
