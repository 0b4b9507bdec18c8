package dev.ignite.adapters.qemu;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * A minimal client for QEMU's machine protocol (QMP): one JSON object per line over the VM's unix
 * socket. Asynchronous events that arrive between a command and its answer are skipped.
 */
final class QmpClient implements AutoCloseable {
  private static final JsonFactory JSON = new JsonFactory();

  private final SocketChannel channel;
  private final BufferedReader reader;

  private QmpClient(SocketChannel channel) {
    this.channel = channel;
    this.reader = new BufferedReader(Channels.newReader(channel, StandardCharsets.UTF_8));
  }

  /** Connects and leaves capabilities negotiation mode, so commands are accepted. */
  static QmpClient connect(Path socket) throws IOException {
    SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
    try {
      channel.connect(UnixDomainSocketAddress.of(socket));
      QmpClient client = new QmpClient(channel);
      client.readReply("greeting");
      client.execute("qmp_capabilities");
      return client;
    } catch (IOException e) {
      channel.close();
      throw e;
    }
  }

  void execute(String command) throws IOException {
    send(command, null);
  }

  /** Presses the keys together, as a person would hold them down (e.g. ctrl, alt, delete). */
  void sendKeys(List<String> qcodes) throws IOException {
    StringWriter args = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(args)) {
      g.writeStartObject();
      g.writeArrayFieldStart("keys");
      for (String key : qcodes) {
        g.writeStartObject();
        g.writeStringField("type", "qcode");
        g.writeStringField("data", key);
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    send("send-key", args.toString());
  }

  private void send(String command, String argumentsJson) throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("execute", command);
      if (argumentsJson != null) {
        g.writeFieldName("arguments");
        g.writeRawValue(argumentsJson);
      }
      g.writeEndObject();
    }
    ByteBuffer bytes = ByteBuffer.wrap((out + "\n").getBytes(StandardCharsets.UTF_8));
    while (bytes.hasRemaining()) {
      channel.write(bytes);
    }
    readReply(command);
  }

  /** Reads lines until one that is not an event; throws on a QMP error reply. */
  private void readReply(String what) throws IOException {
    while (true) {
      String line = reader.readLine();
      if (line == null) {
        throw new IOException("QMP connection closed while waiting for " + what);
      }
      Reply reply = Reply.parse(line);
      if (reply.kind.equals("event")) {
        continue;
      }
      if (reply.kind.equals("error")) {
        throw new IOException("QMP " + what + " failed: " + reply.detail);
      }
      return;
    }
  }

  private record Reply(String kind, String detail) {
    static Reply parse(String line) throws IOException {
      try (JsonParser p = JSON.createParser(line)) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
          throw new IOException("QMP sent something that is not a JSON object: " + line);
        }
        String detail = line;
        String kind = "return";
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          if (name.equals("event")) {
            kind = "event";
          } else if (name.equals("error")) {
            kind = "error";
            detail = errorDescription(p);
            continue;
          }
          p.skipChildren();
        }
        return new Reply(kind, detail);
      }
    }

    private static String errorDescription(JsonParser p) throws IOException {
      String desc = "unknown error";
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        if (name.equals("desc")) {
          desc = p.getText();
        }
        p.skipChildren();
      }
      return desc;
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
