package dev.apojwt;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * Where a token's payload JSON is written before it is encoded: a growable array that each thread
 * reuses, so that writing a token allocates no intermediate copies. Arrays grown beyond {@link
 * #KEPT} are not kept for the next token.
 */
final class JsonBuffer extends OutputStream {
  private static final int INITIAL = 512;
  private static final int KEPT = 16 * 1024;

  private static final ThreadLocal<JsonBuffer> PER_THREAD =
      ThreadLocal.withInitial(JsonBuffer::new);

  private byte[] bytes = new byte[INITIAL];
  private int length;
  private boolean inUse;

  private JsonBuffer() {}

  /**
   * This thread's buffer, empty, until {@link #release}; a new one if it is already in use (a token
   * created while another is being written on this thread, say from a data value's iterator).
   */
  static JsonBuffer acquire() {
    JsonBuffer buffer = PER_THREAD.get();
    if (buffer.inUse) {
      return new JsonBuffer();
    }
    if (buffer.bytes.length > KEPT) {
      buffer.bytes = new byte[INITIAL];
    }
    buffer.length = 0;
    buffer.inUse = true;
    return buffer;
  }

  /** Done with the bytes: the thread's next token may use this buffer. */
  void release() {
    inUse = false;
  }

  /** The array holding the written bytes, {@code [0, length())}; valid until the next write. */
  byte[] bytes() {
    return bytes;
  }

  int length() {
    return length;
  }

  @Override
  public void write(int b) {
    ensure(1);
    bytes[length++] = (byte) b;
  }

  @Override
  public void write(byte[] b, int off, int len) {
    ensure(len);
    System.arraycopy(b, off, bytes, length, len);
    length += len;
  }

  private void ensure(int more) {
    if (length + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
    }
  }
}
