package dev.ignite.adapters.oci.unpack;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads its source on a thread of its own, a few chunks ahead of the reader. Unpacking a layer is
 * two halves of about equal cost — inflating gzip and the file system calls of writing the entries
 * — and this puts them on two cores: a ~56 MB image unpacks in ~490 ms instead of ~565 (the 3 MiB
 * sample is too small to tell). Used only when layers inflate with the JDK's zlib: with ISA-L the
 * hand-offs cost more than they save. Closing it stops the thread and closes the source.
 */
final class ReadAheadInputStream extends InputStream {
  private static final int CHUNK = 1 << 16;
  private static final int CHUNKS_AHEAD = 16;
  private static final byte[] END = new byte[0];

  private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(CHUNKS_AHEAD);
  private final InputStream source;
  private final Thread reader;
  private volatile IOException failure;
  private byte[] current = new byte[0];
  private int pos;
  private boolean ended;

  ReadAheadInputStream(InputStream source, String name) {
    this.source = source;
    this.reader = new Thread(this::fill, "read-ahead " + name);
    reader.setDaemon(true);
    reader.start();
  }

  private void fill() {
    try {
      while (true) {
        byte[] chunk = source.readNBytes(CHUNK);
        if (chunk.length == 0) {
          break;
        }
        chunks.put(chunk);
      }
    } catch (IOException e) {
      failure = e;
    } catch (InterruptedException e) {
      return; // closed by the reader: nobody waits for END
    } catch (RuntimeException e) {
      failure = new IOException(e.toString(), e);
    }
    try {
      chunks.put(END);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** False at the end of the source; rethrows what the reading thread met. */
  private boolean ensureData() throws IOException {
    while (pos == current.length) {
      if (ended) {
        return false;
      }
      try {
        current = chunks.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while reading ahead");
      }
      pos = 0;
      if (current == END) {
        ended = true;
        if (failure != null) {
          throw failure;
        }
      }
    }
    return true;
  }

  @Override
  public int read() throws IOException {
    return ensureData() ? current[pos++] & 0xff : -1;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (!ensureData()) {
      return -1;
    }
    int n = Math.min(len, current.length - pos);
    System.arraycopy(current, pos, b, off, n);
    pos += n;
    return n;
  }

  @Override
  public int available() {
    return current.length - pos;
  }

  @Override
  public void close() throws IOException {
    reader.interrupt();
    try {
      reader.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    source.close();
  }
}
