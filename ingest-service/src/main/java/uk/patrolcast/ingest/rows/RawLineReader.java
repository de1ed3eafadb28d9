package uk.patrolcast.ingest.rows;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into physical lines ({@code \n}, {@code \r\n}) without decoding it, so that a
 * line that is not UTF-8 or is oversized can be refused on its own and the lines around it still read.
 * An oversized line is never held whole: only its start is kept for the rejection.
 */
public final class RawLineReader {
  /** How much of an oversized line is kept for its rejection record. */
  public static final int KEPT_OF_OVERSIZED = 4096;

  private final InputStream in;
  private final int maxLineBytes;
  private final byte[] buffer = new byte[1 << 16];
  private int position;
  private int limit;
  private boolean eof;
  private long lineNumber;
  private byte[] line = new byte[512];

  public RawLineReader(InputStream in, int maxLineBytes) {
    this.in = in;
    this.maxLineBytes = maxLineBytes;
  }

  /** The next line, or null at the end. A last line without terminator is a line; an empty tail is not. */
  public RawLine next() throws IOException {
    int length = 0;
    long total = 0;
    boolean sawAny = false;
    while (true) {
      if (position == limit) {
        if (eof || !fill()) {
          if (!sawAny) {
            return null;
          }
          break;
        }
      }
      sawAny = true;
      int start = position;
      int newline = -1;
      for (int i = position; i < limit; i++) {
        if (buffer[i] == '\n') {
          newline = i;
          break;
        }
      }
      int end = newline < 0 ? limit : newline;
      int n = end - start;
      total += n;
      int room = (total <= maxLineBytes ? maxLineBytes : KEPT_OF_OVERSIZED) - length;
      int copy = Math.max(0, Math.min(n, room));
      if (copy > 0) {
        ensure(length + copy);
        System.arraycopy(buffer, start, line, length, copy);
        length += copy;
      }
      position = newline < 0 ? limit : newline + 1;
      if (newline >= 0) {
        break;
      }
    }
    lineNumber++;
    boolean oversized = total > maxLineBytes;
    int kept = oversized ? Math.min(length, KEPT_OF_OVERSIZED) : length;
    long fullLength = total;
    if (!oversized && kept > 0 && line[kept - 1] == '\r') {
      kept--;
      fullLength--;
    }
    return new RawLine(lineNumber, Arrays.copyOf(line, kept), (int) Math.min(Integer.MAX_VALUE, fullLength), oversized);
  }

  private boolean fill() throws IOException {
    int n = in.read(buffer, 0, buffer.length);
    if (n <= 0) {
      eof = true;
      position = limit = 0;
      return false;
    }
    position = 0;
    limit = n;
    return true;
  }

  private void ensure(int size) {
    if (size > line.length) {
      line = Arrays.copyOf(line, Math.max(size, line.length * 2));
    }
  }
}
