package uk.patrolcast.ingest.rows;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.zip.ZipException;
import uk.patrolcast.events.CrimeRecord;
import uk.patrolcast.events.RejectedRecord;
import uk.patrolcast.events.RejectionReason;
import uk.patrolcast.ingest.reference.LsoaHarmoniser;
import uk.patrolcast.ingest.source.ArchiveLimits;
import uk.patrolcast.ingest.source.PoliceSource;
import uk.patrolcast.platform.config.Months;

/**
 * Reads one police.uk street-level source into accepted records and rejected rows. Each physical line
 * is checked on its own (size, UTF-8, column count), so a bad line never costs the lines around it; a
 * quoted field that runs over a line break joins the following lines. A source that cannot be read to
 * its end (truncated gzip, corrupt entry, bomb) is refused as a whole, so that nothing of it is
 * published half.
 */
public final class StreetSourceReader {
  /** Rejection records keep at most this much of the raw text. */
  public static final int RAW_CHARS = 4096;
  /** How many further lines a quoted field may run over. */
  static final int MAX_CONTINUATION_LINES = 5;

  private final LsoaHarmoniser harmoniser;
  private final int maxLineBytes;
  private final YearMonth currentMonth;

  public StreetSourceReader(LsoaHarmoniser harmoniser, int maxLineBytes, YearMonth currentMonth) {
    this.harmoniser = harmoniser;
    this.maxLineBytes = maxLineBytes;
    this.currentMonth = currentMonth;
  }

  public SourceReading read(PoliceSource source, String force) {
    Instant now = Instant.now();
    String month = Months.format(source.month());
    MessageDigest sha = RecordHashes.sha256();
    List<CrimeRecord> records = new ArrayList<>();
    List<RejectedRecord> rejections = new ArrayList<>();
    int rows = 0;
    int nonBurglary = 0;
    int otherForce = 0;
    try (InputStream in = new DigestInputStream(source.content().open(), sha)) {
      RawLineReader lines = new RawLineReader(in, maxLineBytes);
      Utf8Text utf8 = new Utf8Text();
      RawLine first = lines.next();
      StreetColumns columns;
      try {
        columns = header(first, utf8);
      } catch (StreetColumns.BadHeader e) {
        return refused(source, force, RejectionReason.BAD_HEADER, e.getMessage(), first == null ? 0 : 1,
            first == null ? "" : Utf8Text.lenient(first.bytes()), first == null ? 0 : first.length(), now);
      }
      StreetRowRules rules = new StreetRowRules(source.slug(), force, source.month(), currentMonth, source.name(), harmoniser);
      Deque<RawLine> pushedBack = new ArrayDeque<>();
      RawLine line;
      while ((line = pushedBack.isEmpty() ? lines.next() : pushedBack.pollFirst()) != null) {
        if (line.length() == 0) {
          continue;
        }
        rows++;
        if (line.oversized()) {
          rejections.add(rejection(source, force, line.number(), RejectionReason.OVERSIZED_LINE,
              "Line of " + line.length() + " bytes is longer than the limit of " + maxLineBytes + " bytes",
              Utf8Text.lenient(line.bytes()), line.length(), null, now));
          continue;
        }
        String text = utf8.strict(line.bytes());
        if (text == null) {
          rejections.add(rejection(source, force, line.number(), RejectionReason.NOT_UTF8, "Line is not valid UTF-8",
              Utf8Text.lenient(line.bytes()), line.length(), null, now));
          continue;
        }
        byte[] raw = line.bytes();
        int rawLength = line.length();
        String[] fields;
        if (CsvLine.openQuote(text)) {
          Joined joined = joinQuoted(text, raw, lines, pushedBack, utf8, columns.count());
          if (joined == null) {
            rejections.add(rejection(source, force, line.number(), RejectionReason.WRONG_COLUMN_COUNT,
                "Row is not valid CSV: a quoted field is never closed", text, rawLength, null, now));
            continue;
          }
          text = joined.text();
          raw = joined.raw();
          rawLength = raw.length;
          fields = joined.fields();
        } else {
          fields = CsvLine.split(text);
        }
        if (fields == null || fields.length != columns.count()) {
          String why = fields == null
              ? "Row is not valid CSV"
              : "Row has " + fields.length + " columns, the header " + columns.count();
          rejections.add(rejection(source, force, line.number(), RejectionReason.WRONG_COLUMN_COUNT, why, text, rawLength, null, now));
          continue;
        }
        StreetRowRules.Outcome outcome = rules.classify(columns, fields, raw, line.number());
        if (outcome instanceof StreetRowRules.Accepted a) {
          records.add(a.record());
        } else if (outcome instanceof StreetRowRules.Rejected r) {
          rejections.add(rejection(source, force, line.number(), r.reason(), r.message(), text, rawLength, r.crimeId(), now));
        } else if (outcome instanceof StreetRowRules.Skipped s) {
          if (s.otherForce()) {
            otherForce++;
          } else {
            nonBurglary++;
          }
        }
      }
    } catch (ArchiveLimits.Exceeded | ZipException e) {
      return refused(source, force, RejectionReason.BAD_ARCHIVE, e.getMessage(), 0, "", 0, now);
    } catch (IOException e) {
      boolean compressed = source.name().endsWith(".gz") || source.name().contains("!/");
      String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return refused(source, force, compressed ? RejectionReason.BAD_ARCHIVE : RejectionReason.UNREADABLE_SOURCE,
          "Cannot read " + source.name() + " to its end (" + what + "): the whole source is refused, nothing of it is published",
          0, "", 0, now);
    }
    return new SourceReading(source, force, RecordHashes.hex(sha.digest()), rows, records, rejections, nonBurglary, otherForce, null);
  }

  private record Joined(String text, byte[] raw, String[] fields) {}

  /**
   * A row whose quote stays open continues on the following lines (a line break inside a quoted
   * field). The join is taken only when it closes the quote and gives the header's column count within
   * a few lines; otherwise the lines read ahead go back to be read as rows of their own, so an
   * unterminated quote costs its own row only.
   */
  private Joined joinQuoted(String text, byte[] raw, RawLineReader lines, Deque<RawLine> pushedBack, Utf8Text utf8, int columns)
      throws IOException {
    List<RawLine> taken = new ArrayList<>();
    String joined = text;
    byte[] joinedRaw = raw;
    try {
      for (int i = 0; i < MAX_CONTINUATION_LINES; i++) {
        RawLine next = pushedBack.isEmpty() ? lines.next() : pushedBack.pollFirst();
        if (next == null) {
          return null;
        }
        taken.add(next);
        String nextText = next.oversized() ? null : utf8.strict(next.bytes());
        if (nextText == null || joinedRaw.length + 1 + next.length() > maxLineBytes) {
          return null;
        }
        joined = joined + "\n" + nextText;
        joinedRaw = concat(joinedRaw, next.bytes());
        if (!CsvLine.openQuote(joined)) {
          String[] fields = CsvLine.split(joined);
          if (fields != null && fields.length == columns) {
            taken.clear();
            return new Joined(joined, joinedRaw, fields);
          }
          return null;
        }
      }
      return null;
    } finally {
      for (int i = taken.size() - 1; i >= 0; i--) {
        pushedBack.addFirst(taken.get(i));
      }
    }
  }

  private StreetColumns header(RawLine first, Utf8Text utf8) throws StreetColumns.BadHeader {
    if (first == null) {
      throw new StreetColumns.BadHeader("The file is empty: expected the police.uk header line");
    }
    if (first.oversized()) {
      throw new StreetColumns.BadHeader("The header line is longer than " + maxLineBytes + " bytes");
    }
    String text = utf8.strict(first.bytes());
    if (text == null) {
      throw new StreetColumns.BadHeader("The header line is not valid UTF-8");
    }
    String[] names = CsvLine.split(text);
    if (names == null) {
      throw new StreetColumns.BadHeader("The header line is not valid CSV");
    }
    return StreetColumns.of(names);
  }

  private static SourceReading refused(PoliceSource source, String force, RejectionReason reason, String message, long line,
      String raw, long rawLength, Instant now) {
    return new SourceReading(source, force, null, 0, List.of(), List.of(), 0, 0,
        rejection(source, force, line, reason, message, raw, rawLength, null, now));
  }

  public static RejectedRecord rejection(PoliceSource source, String force, long line, RejectionReason reason, String message,
      String raw, long rawLength, String crimeId, Instant now) {
    return new RejectedRecord(source.name(), line, reason, message, raw.length() > RAW_CHARS ? raw.substring(0, RAW_CHARS) : raw,
        rawLength, Months.format(source.month()), force, crimeId, now);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + 1 + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    out[a.length] = '\n';
    System.arraycopy(b, 0, out, a.length + 1, b.length);
    return out;
  }
}
