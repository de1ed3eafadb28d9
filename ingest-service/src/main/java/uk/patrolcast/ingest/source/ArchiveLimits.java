package uk.patrolcast.ingest.source;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongSupplier;

/**
 * Caps on what a compressed source may expand to, against zip and gzip bombs: a total uncompressed
 * size, and a compression ratio checked once more than {@code ratioFloorBytes} came out (small files
 * compress well without being bombs).
 */
public record ArchiveLimits(long maxUncompressedBytes, double maxRatio, long ratioFloorBytes) {
  public static final ArchiveLimits DEFAULT = new ArchiveLimits(2L << 30, 200.0, 1L << 20);

  /** Thrown (as an I/O error) when a source exceeds a limit. */
  public static final class Exceeded extends IOException {
    public Exceeded(String message) {
      super(message);
    }
  }

  /**
   * Wraps an uncompressed stream.
   *
   * @param compressedBytes how many compressed bytes were consumed so far (or the entry's compressed size)
   */
  public InputStream bound(InputStream uncompressed, LongSupplier compressedBytes, String what) {
    return new FilterInputStream(uncompressed) {
      private long count;

      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          check(1);
        }
        return b;
      }

      @Override
      public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
          check(n);
        }
        return n;
      }

      private void check(int n) throws IOException {
        count += n;
        if (count > maxUncompressedBytes) {
          throw new Exceeded(what + " expands beyond " + maxUncompressedBytes + " bytes: refused as a possible archive bomb");
        }
        if (count > ratioFloorBytes) {
          double ratio = (double) count / Math.max(1, compressedBytes.getAsLong());
          if (ratio > maxRatio) {
            throw new Exceeded(String.format("%s expands more than %.0f times (%d bytes so far): refused as a possible archive bomb",
                what, maxRatio, count));
          }
        }
      }
    };
  }
}
