package dev.ignite.adapters.oci.cache;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A blob that can be read while it downloads: its reader follows the part file as the download
 * writes it, and waits at its end for more. The writer reports each step; a reader sees the
 * download's failure (a broken connection, a digest mismatch) as an {@link IOException}, so nothing
 * it unpacked from unverified bytes outlives a failed import. A blob not {@code
 * readableWhileLanding} gives its reader nothing before it is stored, that is, before its digest
 * matched.
 */
final class LiveBlob {
  private enum State {
    WAITING,
    LANDING,
    STORED,
    FAILED
  }

  private final String digest;
  private final boolean readableWhileLanding;
  private State state = State.WAITING;
  private Path file;
  private long length;
  private String failure;

  LiveBlob(String digest, boolean readableWhileLanding) {
    this.digest = digest;
    this.readableWhileLanding = readableWhileLanding;
  }

  /** The download began writing {@code part}. A second download of the same blob fails it. */
  synchronized void landing(Path part) {
    if (state == State.WAITING) {
      state = State.LANDING;
      file = part;
      length = 0;
    } else {
      fail("blob " + digest + " was downloaded twice at once");
    }
    notifyAll();
  }

  /** {@code total} bytes of the part file are written, readable if the blob is so while landing. */
  synchronized void wrote(long total) {
    if (state == State.LANDING && readableWhileLanding) {
      length = total;
      notifyAll();
    }
  }

  /** The blob is complete and verified at {@code blob} (a cached blob is reported only so). */
  synchronized void stored(Path blob, long size) {
    if (state != State.FAILED) {
      state = State.STORED;
      file = blob;
      length = size;
      notifyAll();
    }
  }

  /** The download failed or was given up; readers stop with {@code why}. Stored stays stored. */
  synchronized void fail(String why) {
    if (state != State.STORED) {
      state = State.FAILED;
      failure = why;
      notifyAll();
    }
  }

  InputStream open() {
    return new Reader();
  }

  private final class Reader extends InputStream {
    private FileChannel channel;
    private long pos;

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) == 1 ? one[0] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      long readable = awaitBytes();
      if (readable == 0) {
        return -1;
      }
      int n = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, readable)), pos);
      if (n > 0) {
        pos += n;
      }
      return n;
    }

    /** Bytes readable at {@code pos} (0 at the end), once there are some; opens the file. */
    private long awaitBytes() throws IOException {
      synchronized (LiveBlob.this) {
        while (true) {
          if (state == State.FAILED) {
            throw new IOException("download of " + digest + " failed: " + failure);
          }
          if (state != State.WAITING && (pos < length || state == State.STORED)) {
            if (channel == null && !openFile()) {
              continue; // the part was renamed before we opened it: the blob is stored now
            }
            return length - pos;
          }
          waitForWriter();
        }
      }
    }

    private boolean openFile() throws IOException {
      try {
        channel = FileChannel.open(file);
        return true;
      } catch (NoSuchFileException e) {
        if (state == State.STORED) {
          throw e; // the stored blob itself is gone: say so
        }
        waitForWriter();
        return false;
      }
    }

    private void waitForWriter() throws IOException {
      try {
        LiveBlob.this.wait();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while waiting for blob " + digest);
      }
    }

    @Override
    public void close() throws IOException {
      if (channel != null) {
        channel.close();
      }
    }
  }
}
