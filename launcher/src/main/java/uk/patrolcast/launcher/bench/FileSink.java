package uk.patrolcast.launcher.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/**
 * Bytes to a file, gzip-compressed when its name ends in {@code .gz}, with the SHA-256 and size of
 * the uncompressed content. Java's gzip header carries no time stamp or name, so the same content
 * and level give the same file.
 */
final class FileSink implements AutoCloseable {
  static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final Path file;
  private final OutputStream out;
  private final MessageDigest digest;
  private long bytes;

  FileSink(Path file, int gzipLevel) {
    this.file = file;
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
      out = file.getFileName().toString().endsWith(".gz") ? new LevelledGzip(raw, gzipLevel) : raw;
      digest = MessageDigest.getInstance("SHA-256");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  void write(byte[] b, int off, int len) {
    try {
      out.write(b, off, len);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
    }
    digest.update(b, off, len);
    bytes += len;
  }

  void write(byte[] b) {
    write(b, 0, b.length);
  }

  /** Uncompressed bytes written so far. */
  long bytes() {
    return bytes;
  }

  /** Closes the file; returns the hex SHA-256 of the uncompressed content. */
  String finish() {
    close();
    return HexFormat.of().formatHex(digest.digest());
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static final class LevelledGzip extends GZIPOutputStream {
    LevelledGzip(OutputStream out, int level) throws IOException {
      super(out, 1 << 16);
      def.setLevel(level);
    }
  }
}
