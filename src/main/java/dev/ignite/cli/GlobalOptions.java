package dev.ignite.cli;

/** Values of the flags every ignite command accepts, set by {@link GlobalFlags} wherever given. */
final class GlobalOptions {
  String stateDir;
  String logLevel = "warn";
  boolean quiet;
  String igniteConfig;

  boolean debug() {
    return "debug".equalsIgnoreCase(logLevel) || "trace".equalsIgnoreCase(logLevel);
  }
}
