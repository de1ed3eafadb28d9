package uk.patrolcast.launcher.survival;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * What a hostile (or broken) publisher could send, generated here (never committed): bad rows to
 * append to a good month's file, and whole sources that must be refused. Each comes with the
 * rejection reasons that would be a correct answer.
 */
final class HostileCorpus {
  static final String MPS = "Metropolitan Police Service";

  /** A hostile row (one physical line) and the reasons that may refuse it. */
  record Row(String what, byte[] bytes, Set<String> reasons) {}

  /** A hostile source (a file or a zip entry, by its name as ingest reports it) and its acceptable reasons. */
  record Source(String what, String name, Set<String> reasons) {}

  private HostileCorpus() {}

  private static String row(String id, String month, String lon, String lat, String location, String lsoa, String lsoaName, String outcome) {
    return String.join(",", id, month, MPS, MPS, lon, lat, location, lsoa, lsoaName, "Burglary", outcome, "");
  }

  private static Row text(String what, String line, String... reasons) {
    return new Row(what, line.getBytes(StandardCharsets.UTF_8), Set.of(reasons));
  }

  /**
   * Rows for a file of {@code month}; {@code firstDataLine} is a real row of that file (its repeat is a
   * duplicate Crime ID). The 100 MB line is {@code hugeLineBytes} long.
   */
  static List<Row> rows(String month, String firstDataLine, int hugeLineBytes) {
    List<Row> rows = new ArrayList<>();
    // CSV injection in text fields, on rows refused for another reason: they end up in rejected.csv.
    rows.add(text("CSV injection (=HYPERLINK) without LSOA",
        row("\"=HYPERLINK(\"\"http://evil.example/x\"\",\"\"click\"\")\"", month, "", "", "+cmd|' /C calc'!A0", "", "@SUM(1+1)*cmd|' /C calc'!A0", "-2+3"),
        "NO_LSOA"));
    rows.add(text("CSV injection (@SUM) outside London", row("@SUM(A1:A9)", month, "-3.179090", "51.481583", "=1+2", "W01001690", "Cardiff 032D", "=cmd"),
        "LSOA_OUTSIDE_LONDON"));
    rows.add(text("CSV injection (+cmd) with an unknown LSOA", row("+cmd|' /C calc'!A0", month, "-0.1", "51.5", "-1+1", "E01999999", "Nowhere", ""),
        "UNKNOWN_LSOA"));
    rows.add(text("absurd coordinates", row("hostile-absurd", month, "999.0", "-999.0", "On or near Nowhere", "E01000001", "City of London 001A", ""),
        "BAD_COORDINATES"));
    rows.add(text("not-a-number coordinates", row("hostile-nan", month, "NaN", "Infinity", "On or near Nowhere", "E01000001", "City of London 001A", ""),
        "BAD_COORDINATES"));
    rows.add(text("exponent coordinates", row("hostile-exp", month, "1e308", "-1e308", "On or near Nowhere", "E01000001", "City of London 001A", ""),
        "BAD_COORDINATES"));
    rows.add(text("one coordinate only", row("hostile-half", month, "-0.09", "", "On or near Nowhere", "E01000001", "City of London 001A", ""),
        "BAD_COORDINATES"));
    rows.add(text("a future month inside the file", row("hostile-future", "2031-01", "-0.09", "51.51", "On or near Nowhere", "E01000001", "City of London 001A", ""),
        "MONTH_MISMATCH", "FUTURE_MONTH"));
    rows.add(text("a month that does not exist", row("hostile-month13", "2023-13", "-0.09", "51.51", "On or near Nowhere", "E01000001", "City of London 001A", ""),
        "BAD_MONTH", "MONTH_MISMATCH"));
    rows.add(new Row("Latin-1 text", row("hostile-latin1", month, "-0.09", "51.51", "On or near Caf\u00e9 Road", "E01000001", "City of London 001A", "")
        .getBytes(StandardCharsets.ISO_8859_1), Set.of("NOT_UTF8")));
    rows.add(new Row("a UTF-16 row", row("hostile-utf16", month, "-0.09", "51.51", "On or near Nowhere", "E01000001", "City of London 001A", "")
        .getBytes(StandardCharsets.UTF_16LE), Set.of("NOT_UTF8", "WRONG_COLUMN_COUNT", "BAD_MONTH", "MONTH_MISMATCH", "BAD_COORDINATES", "UNKNOWN_LSOA")));
    rows.add(text("too few columns", "hostile-short," + month + "," + MPS, "WRONG_COLUMN_COUNT"));
    rows.add(text("too many columns", row("hostile-long", month, "-0.09", "51.51", "x", "E01000001", "City of London 001A", "") + ",extra,extra",
        "WRONG_COLUMN_COUNT"));
    rows.add(text("the same Crime ID again", firstDataLine, "DUPLICATE_CRIME_ID"));
    rows.add(new Row("a 100 MB line", huge(hugeLineBytes), Set.of("OVERSIZED_LINE")));
    // Last: a quote that never closes swallows what follows, so nothing follows it.
    rows.add(text("a quote never closed", "\"hostile-open," + month + "," + MPS + "," + MPS + ",-0.09,51.51,x,E01000001,City,Burglary,,",
        "WRONG_COLUMN_COUNT"));
    return rows;
  }

  /** Random printable text without commas, quotes or line breaks: gzip cannot shrink it much (no bomb). */
  private static byte[] huge(int n) {
    byte[] b = new byte[n];
    Random r = new Random(7);
    for (int i = 0; i < n; i++) {
      b[i] = (byte) ('a' + r.nextInt(26));
    }
    return b;
  }

  /** The rows as they follow a file: each on its own line. */
  static byte[] tail(List<Row> rows) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Row r : rows) {
      out.write(r.bytes());
      out.write('\n');
    }
    return out.toByteArray();
  }

  /**
   * Writes the hostile sources into {@code dir} (inside the police folder, named relative to the data
   * root {@code prefix}); {@code goodGz} is a real gzip file to cut short and {@code goodLines} a real
   * month's lines to re-encode. Months 2023-07 on: after the good months, so the good ones still close.
   */
  static List<Source> sources(Path dir, String prefix, byte[] goodGz, List<String> goodLines) throws IOException {
    Files.createDirectories(dir);
    List<Source> out = new ArrayList<>();
    Files.write(dir.resolve("2023-07-metropolitan-street.csv.gz"), java.util.Arrays.copyOf(goodGz, goodGz.length / 2));
    out.add(new Source("truncated gzip", prefix + "2023-07-metropolitan-street.csv.gz", Set.of("BAD_ARCHIVE", "UNREADABLE_SOURCE")));

    Files.writeString(dir.resolve("2023-07-city-of-london-street.csv"), "\uFEFF" + String.join("\n", goodLines) + "\n", StandardCharsets.UTF_16);
    out.add(new Source("UTF-16 file", prefix + "2023-07-city-of-london-street.csv", Set.of("BAD_HEADER", "NOT_UTF8")));

    Files.writeString(dir.resolve("2031-01-metropolitan-street.csv"), goodLines.get(0) + "\n");
    out.add(new Source("future month file", prefix + "2031-01-metropolitan-street.csv", Set.of("FUTURE_MONTH")));

    Files.writeString(dir.resolve("2023-13-metropolitan-street.csv"), goodLines.get(0) + "\n");
    out.add(new Source("month 13 in the name", prefix + "2023-13-metropolitan-street.csv", Set.of("BAD_MONTH")));

    Files.write(dir.resolve("2023-10-metropolitan-street.csv"), new byte[0]);
    out.add(new Source("empty file", prefix + "2023-10-metropolitan-street.csv", Set.of("BAD_HEADER", "UNREADABLE_SOURCE")));

    byte[] noise = new byte[64 << 10];
    new Random(11).nextBytes(noise);
    Files.write(dir.resolve("2023-10-city-of-london-street.csv.gz"), noise);
    out.add(new Source("random bytes as gzip", prefix + "2023-10-city-of-london-street.csv.gz", Set.of("BAD_ARCHIVE", "UNREADABLE_SOURCE")));
    Files.write(dir.resolve("broken.zip"), noise);
    out.add(new Source("random bytes as zip", prefix + "broken.zip", Set.of("BAD_ARCHIVE")));

    // A gzip bomb: 100 MB of one repeated row, about 0.1 MB compressed.
    try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(dir.resolve("2023-11-metropolitan-street.csv.gz")), 1 << 16)) {
      gz.write((goodLines.get(0) + "\n").getBytes(StandardCharsets.UTF_8));
      writeRepeated(gz, goodLines.get(1), 100L << 20);
    }
    out.add(new Source("gzip bomb", prefix + "2023-11-metropolitan-street.csv.gz", Set.of("BAD_ARCHIVE")));

    // A zip with path-traversal and absolute entry names, and a zip bomb entry.
    Path zip = dir.resolve("hostile-archive.zip");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
      z.setLevel(Deflater.BEST_COMPRESSION);
      Map<String, String> entries = new LinkedHashMap<>();
      entries.put("../../../../tmp/2023-08/2023-08-metropolitan-street.csv", "path traversal entry");
      entries.put("/tmp/2023-08/2023-08-city-of-london-street.csv", "absolute entry");
      entries.put("2023-08/..\\..\\2023-08-metropolitan-street.csv", "backslash traversal entry");
      for (var e : entries.entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey()));
        z.write((String.join("\n", goodLines.subList(0, 3)) + "\n").getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
      }
      z.putNextEntry(new ZipEntry("2023-09/2023-09-metropolitan-street.csv"));
      z.write((goodLines.get(0) + "\n").getBytes(StandardCharsets.UTF_8));
      writeRepeated(z, goodLines.get(1), 100L << 20);
      z.closeEntry();
    }
    String zipName = prefix + "hostile-archive.zip!/";
    out.add(new Source("zip path traversal", zipName + "../../../../tmp/2023-08/2023-08-metropolitan-street.csv", Set.of("BAD_ARCHIVE")));
    out.add(new Source("zip absolute name", zipName + "/tmp/2023-08/2023-08-city-of-london-street.csv", Set.of("BAD_ARCHIVE")));
    out.add(new Source("zip bomb", zipName + "2023-09/2023-09-metropolitan-street.csv", Set.of("BAD_ARCHIVE")));
    return out;
  }

  private static void writeRepeated(OutputStream out, String line, long bytes) throws IOException {
    byte[] block = (line + "\n").repeat((int) Math.max(1, (1 << 20) / (line.length() + 1))).getBytes(StandardCharsets.UTF_8);
    for (long written = 0; written < bytes; written += block.length) {
      out.write(block);
    }
  }
}
