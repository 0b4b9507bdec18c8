package dev.ignite.gitops.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ignite.gitops.DaemonStatus;
import dev.ignite.gitops.DaemonStatus.VmState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code /status}: the {@link DaemonStatus} as JSON, an absent value as null, times in ISO-8601
 * UTC, durations in seconds.
 */
final class StatusJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  /** The password in {@code https://user:password@host/…}, which a user may have put in the URL. */
  private static final Pattern URL_PASSWORD =
      Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://[^/@:]*):[^/@]*@");

  private StatusJson() {}

  static byte[] write(DaemonStatus status) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("repository", withoutPassword(status.repository()));
      g.writeStringField("branch", status.branch());
      g.writeBooleanField("ready", status.ready());
      g.writeStringField("revision", status.revision().orElse(null));
      g.writeStringField(
          "lastSyncStart", status.lastSyncStart().map(Object::toString).orElse(null));
      g.writeFieldName("lastSyncDurationSeconds");
      writeSeconds(g, status.lastSyncDuration().map(d -> d.toNanos() / 1e9));
      g.writeStringField("lastError", status.lastError().orElse(null));
      g.writeNumberField("syncs", status.syncs());
      g.writeNumberField("failedSyncs", status.failedSyncs());
      g.writeArrayFieldStart("vms");
      for (VmState vm : status.vms()) {
        writeVm(g, vm);
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeRaw('\n');
    } catch (IOException e) {
      throw new UncheckedIOException("writing the status as JSON", e);
    }
    return out.toByteArray();
  }

  private static void writeVm(JsonGenerator g, VmState vm) throws IOException {
    g.writeStartObject();
    g.writeStringField("name", vm.name());
    g.writeStringField("uid", vm.uid());
    g.writeStringField("file", vm.file());
    g.writeBooleanField("wantRunning", vm.wantRunning());
    g.writeStringField("phase", vm.phase());
    g.writeStringField("error", vm.error().orElse(null));
    g.writeEndObject();
  }

  private static void writeSeconds(JsonGenerator g, Optional<Double> seconds) throws IOException {
    if (seconds.isPresent()) {
      g.writeNumber(seconds.get());
    } else {
      g.writeNull();
    }
  }

  /** {@code /status} may be read by anyone who reaches the port: never a password in it. */
  static String withoutPassword(String repository) {
    return URL_PASSWORD.matcher(repository).replaceFirst("$1:***@");
  }
}
