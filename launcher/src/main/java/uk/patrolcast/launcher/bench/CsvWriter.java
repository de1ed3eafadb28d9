package uk.patrolcast.launcher.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A reference CSV file of a data directory: its real header (and byte-order mark and line ending),
 * then rows. Fields are quoted only when they hold a comma, a quote or a line break, as the real
 * files do.
 */
final class CsvWriter implements AutoCloseable {
  private final FileSink sink;
  private final String lineEnd;
  private final StringBuilder line = new StringBuilder(512);

  CsvWriter(Path root, DataFile file) {
    this.sink = new FileSink(root.resolve(file.path), 6);
    this.lineEnd = file.lineEnd;
    if (file.bom) {
      sink.write(FileSink.BOM);
    }
    sink.write((file.header + lineEnd).getBytes(StandardCharsets.UTF_8));
  }

  /** Writes a row; numbers and other values are written with {@link String#valueOf}. */
  void row(Object... fields) {
    line.setLength(0);
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        line.append(',');
      }
      String f = fields[i] == null ? "" : String.valueOf(fields[i]);
      if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
        line.append('"').append(f.replace("\"", "\"\"")).append('"');
      } else {
        line.append(f);
      }
    }
    line.append(lineEnd);
    sink.write(line.toString().getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    sink.close();
  }
}
