package dev.ignite.adapters.oci;

import java.nio.file.Files;
import java.nio.file.Path;

/** A test CA and a server certificate it signs, made by openssl: ca.crt, server.crt, server.key. */
final class Pki {
  private Pki() {}

  /** {@code subjectAltName} is openssl's form: {@code IP:127.0.0.1} or {@code DNS:name}. */
  static void caAndServer(Path dir, String subjectAltName) throws Exception {
    String ca = dir.resolve("ca").toString();
    String server = dir.resolve("server").toString();
    Commands.run(
        "openssl",
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "2",
        "-subj",
        "/CN=ignite test CA",
        "-keyout",
        ca + ".key",
        "-out",
        ca + ".crt");
    Commands.run(
        "openssl",
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-subj",
        "/CN=ignite test registry",
        "-keyout",
        server + ".key",
        "-out",
        server + ".csr");
    Files.writeString(Path.of(server + ".ext"), "subjectAltName=" + subjectAltName + "\n");
    Commands.run(
        "openssl",
        "x509",
        "-req",
        "-in",
        server + ".csr",
        "-CA",
        ca + ".crt",
        "-CAkey",
        ca + ".key",
        "-CAcreateserial",
        "-days",
        "2",
        "-extfile",
        server + ".ext",
        "-out",
        server + ".crt");
  }
}
