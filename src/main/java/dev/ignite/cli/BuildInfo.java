package dev.ignite.cli;

import picocli.CommandLine.IVersionProvider;

/** The version stamped into the jar's manifest by the build ("dev" when run from classes). */
final class BuildInfo implements IVersionProvider {
  static String version() {
    String v = BuildInfo.class.getPackage().getImplementationVersion();
    return v != null ? v : "dev";
  }

  static String javaVersion() {
    return System.getProperty("java.version");
  }

  static String osArch() {
    String arch = System.getProperty("os.arch");
    return System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT)
        + "/"
        + ("x86_64".equals(arch) ? "amd64" : arch);
  }

  @Override
  public String[] getVersion() {
    return new String[] {"ignite " + version()};
  }
}
