package uk.patrolcast.launcher.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes one police.uk street-level file ({@code <slug>-street/YYYY-MM-<slug>-street.csv.gz}): the
 * records of one force and month, all crime types, LSOAs in name order with their crime types
 * interleaved, records without a location at the end, as police.uk lays its files out. Each record
 * has a 64-hex Crime ID (none for anti-social behaviour), a map point of its LSOA, the LSOA code
 * of the month's vintage, and an outcome. About 1% of records have no location; about 0.3% of
 * crimes appear twice (half as identical rows, half with a second outcome), as in the real files.
 * Rows are assembled as bytes and streamed through gzip.
 */
final class StreetFile {
  static final double NO_LOCATION_SHARE = 0.01;
  static final double DUPLICATE_SHARE = 0.003;
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] NO_LOCATION = ",,No Location,,,".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] END = ",\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[][] TYPES = Arrays.stream(CrimeType.ALL).map(t -> ForceRows.bytes(t.label + ",")).toArray(byte[][]::new);
  private static final byte[] SECOND_OUTCOME = ForceRows.bytes(Outcomes.STATUS_UNAVAILABLE);
  private static final byte[] SECOND_OUTCOME_ALT = ForceRows.bytes(Outcomes.UNDER_INVESTIGATION);

  /** What was written: one line of the police-uk MANIFEST.csv. */
  record Stats(String file, String force, YearMonth month, long rows, long rowsWithoutLsoa, long rowsWithoutCrimeId,
      long gzBytes, String sha256, long bytes, long burglaryRows) {}

  private StreetFile() {}

  static String relativePath(PoliceForce force, YearMonth month) {
    return force.slug() + "-street/" + month + "-" + force.slug() + "-street.csv.gz";
  }

  static Stats write(Path police, Universe u, ForceRows rows, CrimeCounts counts, CodeVintage vintage, int month, int gzipLevel) {
    YearMonth ym = u.options.month(month);
    String relative = relativePath(rows.force, ym);
    Path file = police.resolve(relative);
    SplittableRandom rng = Seeds.random(u.options.seed(), Seeds.label("street"), rows.forceIndex, month);
    double stillOpen = Outcomes.stillOpen(u.options.months() - 1 - month);
    byte[] monthForce = ForceRows.bytes("," + ym + "," + rows.force.name() + "," + rows.force.name() + ",");
    Map<String, byte[]> outcomes = new HashMap<>();
    RowBuffer main = new RowBuffer();
    RowBuffer unlocated = new RowBuffer();
    long rowCount = 0;
    long withoutLsoa = 0;
    long withoutId = 0;
    long burglaries = 0;
    int[] events = new int[64];
    try (FileSink sink = new FileSink(file, gzipLevel)) {
      main.put(ForceRows.bytes(Headers.POLICE + "\n"));
      for (ForceRows.Area area : rows.areas) {
        int total = 0;
        for (CrimeType t : CrimeType.ALL) {
          total += counts.get(month, area.lsoa, t);
        }
        if (total > events.length) {
          events = new int[Math.max(total, events.length * 2)];
        }
        int e = 0;
        for (CrimeType t : CrimeType.ALL) {
          for (int k = counts.get(month, area.lsoa, t); k > 0; k--) {
            events[e++] = t.ordinal();
          }
        }
        for (int i = total - 1; i > 0; i--) {
          int j = rng.nextInt(i + 1);
          int swap = events[i];
          events[i] = events[j];
          events[j] = swap;
        }
        for (int i = 0; i < total; i++) {
          CrimeType type = CrimeType.ALL[events[i]];
          boolean located = rng.nextDouble() >= NO_LOCATION_SHARE;
          RowBuffer out = located ? main : unlocated;
          int start = out.length();
          if (type.hasCrimeId()) {
            out.hex(rng.nextLong()).hex(rng.nextLong()).hex(rng.nextLong()).hex(rng.nextLong());
          } else {
            withoutId++;
          }
          out.put(monthForce);
          if (located) {
            int p = area.point(type, rng.nextDouble(), rng.nextDouble());
            out.put(area.points[p]);
            out.put(vintage.uses2021(month, rng) ? area.code2021 : area.code2011[area.parentOfPoint[p]]);
          } else {
            out.put(NO_LOCATION);
            withoutLsoa++;
          }
          out.put(TYPES[type.ordinal()]);
          int outcomeAt = out.length();
          String outcome = Outcomes.draw(type, stillOpen, rng);
          out.put(outcomes.computeIfAbsent(outcome, ForceRows::bytes));
          out.put(END);
          rowCount++;
          if (type == CrimeType.BURGLARY) {
            burglaries++;
          }
          if (type.hasCrimeId() && rng.nextDouble() < DUPLICATE_SHARE) {
            // The same crime again: an identical row, or the same crime with another outcome.
            int end = out.length();
            if (rng.nextBoolean()) {
              out.copy(start, end);
            } else {
              out.copy(start, outcomeAt);
              out.put(outcome.equals(Outcomes.STATUS_UNAVAILABLE) ? SECOND_OUTCOME_ALT : SECOND_OUTCOME);
              out.put(END);
            }
            rowCount++;
            if (!located) {
              withoutLsoa++;
            }
            if (type == CrimeType.BURGLARY) {
              burglaries++;
            }
          }
          if (main.length() > (1 << 20)) {
            main.drainTo(sink);
          }
        }
      }
      main.drainTo(sink);
      unlocated.drainTo(sink);
      String sha = sink.finish();
      long gz;
      try {
        gz = Files.size(file);
      } catch (IOException ex) {
        throw new UncheckedIOException(ex);
      }
      return new Stats(relative, rows.force.name(), ym, rowCount, withoutLsoa, withoutId, gz, sha, sink.bytes(), burglaries);
    }
  }

  /** A growable byte array of rows. */
  private static final class RowBuffer {
    private byte[] buf = new byte[1 << 16];
    private int n;

    int length() {
      return n;
    }

    private void room(int more) {
      if (n + more > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, n + more));
      }
    }

    RowBuffer put(byte[] b) {
      room(b.length);
      System.arraycopy(b, 0, buf, n, b.length);
      n += b.length;
      return this;
    }

    RowBuffer hex(long v) {
      room(16);
      for (int shift = 60; shift >= 0; shift -= 4) {
        buf[n++] = HEX[(int) (v >>> shift) & 0xF];
      }
      return this;
    }

    void copy(int from, int to) {
      room(to - from);
      System.arraycopy(buf, from, buf, n, to - from);
      n += to - from;
    }

    void drainTo(FileSink sink) {
      sink.write(buf, 0, n);
      n = 0;
    }
  }
}
