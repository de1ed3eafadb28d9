package uk.patrolcast.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.patrolcast.ingest.TinyLondon.MET;
import static uk.patrolcast.ingest.TinyLondon.bytes;
import static uk.patrolcast.ingest.TinyLondon.row;

import java.time.YearMonth;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.patrolcast.events.CrimeRecord;
import uk.patrolcast.events.RejectedRecord;
import uk.patrolcast.events.RejectionReason;
import uk.patrolcast.ingest.rows.SourceReading;
import uk.patrolcast.ingest.rows.StreetSourceReader;

/**
 * A corpus of malformed rows: each sits between two good rows and must be rejected with its own
 * reason at its own line, while both good rows are kept.
 */
class MalformedRowCorpusTest {
  static final int MAX_LINE = 64 << 10;

  static Stream<Arguments> corpus() {
    String ok = "-0.115000";
    String lat = "51.505000";
    return Stream.of(
        bad("no LSOA code", row("b", "2022-05", ok, lat, ""), RejectionReason.NO_LSOA),
        bad("blank LSOA code", row("b", "2022-05", ok, lat, "   "), RejectionReason.NO_LSOA),
        bad("English LSOA outside London", row("b", "2022-05", ok, lat, "E01099999"), RejectionReason.LSOA_OUTSIDE_LONDON),
        bad("Welsh LSOA", row("b", "2022-05", ok, lat, "W01000001"), RejectionReason.LSOA_OUTSIDE_LONDON),
        bad("not an LSOA code", row("b", "2022-05", ok, lat, "XYZ123"), RejectionReason.UNKNOWN_LSOA),
        bad("truncated LSOA code", row("b", "2022-05", ok, lat, "E0100000"), RejectionReason.UNKNOWN_LSOA),
        bad("lower-case LSOA code", row("b", "2022-05", ok, lat, "e01000001"), RejectionReason.UNKNOWN_LSOA),
        bad("month 13", row("b", "2022-13", ok, lat, "E01000001"), RejectionReason.BAD_MONTH),
        bad("month in words", row("b", "May 2022", ok, lat, "E01000001"), RejectionReason.BAD_MONTH),
        bad("empty month", row("b", "", ok, lat, "E01000001"), RejectionReason.BAD_MONTH),
        bad("month of another file", row("b", "2022-04", ok, lat, "E01000001"), RejectionReason.MONTH_MISMATCH),
        bad("11 columns", "b,2022-05," + MET + "," + MET + "," + ok + "," + lat + ",Street,E01000001,Name,Burglary,Outcome",
            RejectionReason.WRONG_COLUMN_COUNT),
        bad("13 columns", row("b") + ",extra", RejectionReason.WRONG_COLUMN_COUNT),
        bad("one word", "garbage", RejectionReason.WRONG_COLUMN_COUNT),
        bad("only commas", ",,,,", RejectionReason.WRONG_COLUMN_COUNT),
        bad("quote never closed", "b,2022-05," + MET + "," + MET + "," + ok + "," + lat + ",\"On or near, Street,E01000001,N,Burglary,O,",
            RejectionReason.WRONG_COLUMN_COUNT),
        bad("longitude not a number", row("b", "2022-05", "abc", lat, "E01000001"), RejectionReason.BAD_COORDINATES),
        bad("longitude missing, latitude given", row("b", "2022-05", "", lat, "E01000001"), RejectionReason.BAD_COORDINATES),
        bad("latitude 95", row("b", "2022-05", ok, "95.0", "E01000001"), RejectionReason.BAD_COORDINATES),
        bad("longitude 200", row("b", "2022-05", "200.0", lat, "E01000001"), RejectionReason.BAD_COORDINATES),
        bad("NaN", row("b", "2022-05", "NaN", lat, "E01000001"), RejectionReason.BAD_COORDINATES),
        bad("exponent", row("b", "2022-05", "1e3", lat, "E01000001"), RejectionReason.BAD_COORDINATES),
        bad("Java double suffix", row("b", "2022-05", "-0.115d", lat, "E01000001"), RejectionReason.BAD_COORDINATES),
        badBytes("byte 0xFF", new byte[] {(byte) 0xFF}, RejectionReason.NOT_UTF8),
        badBytes("truncated two-byte sequence", new byte[] {(byte) 0xC3}, RejectionReason.NOT_UTF8),
        badBytes("overlong encoding", new byte[] {(byte) 0xC0, (byte) 0xAF}, RejectionReason.NOT_UTF8),
        badBytes("encoded surrogate", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, RejectionReason.NOT_UTF8),
        badBytes("Latin-1 e acute", new byte[] {(byte) 0xE9}, RejectionReason.NOT_UTF8),
        bad("70 KB line", row("b", "2022-05", ok, lat, "E01000001").replace("Test Street", "x".repeat(70_000)),
            RejectionReason.OVERSIZED_LINE),
        bad("Crime ID of an earlier row", row("g1"), RejectionReason.DUPLICATE_CRIME_ID));
  }

  static Arguments bad(String what, String line, RejectionReason reason) {
    return Arguments.of(what, bytes(line), reason);
  }

  /** A row whose location holds the given bytes. */
  static Arguments badBytes(String what, byte[] inLocation, RejectionReason reason) {
    String[] parts = row("b").split("Test Street");
    return Arguments.of(what, bytes(parts[0], "Test ", inLocation, " Street", parts[1]), reason);
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @MethodSource("corpus")
  void aMalformedRowIsRejectedWithItsReasonAndTheGoodRowsAroundItAreKept(String what, byte[] badLine, RejectionReason reason) {
    byte[] file = bytes(TinyLondon.HEADER, "\n", row("g1"), "\n", badLine, "\n", row("g2"), "\n");
    SourceReading r = new StreetSourceReader(TinyLondon.harmoniser(), MAX_LINE, YearMonth.of(2024, 1))
        .read(TinyLondon.source("2022-05-metropolitan-street.csv", file), MET);

    assertThat(r.failed()).isFalse();
    assertThat(r.rows()).isEqualTo(3);
    assertThat(r.records()).extracting(CrimeRecord::getCrimeId).containsExactly("g1", "g2");
    assertThat(r.records()).extracting(CrimeRecord::getSourceLine).containsExactly(2L, 4L);
    assertThat(r.rejections()).hasSize(1);
    RejectedRecord rejected = r.rejections().get(0);
    assertThat(rejected.getReason()).as(what).isEqualTo(reason);
    assertThat(rejected.getLine()).isEqualTo(3L);
    assertThat(rejected.getSource()).isEqualTo("2022-05-metropolitan-street.csv");
    assertThat(rejected.getMessage()).isNotBlank();
    assertThat(rejected.getRawLength()).isEqualTo(badLine.length);
    assertThat(rejected.getRaw().length()).isLessThanOrEqualTo(StreetSourceReader.RAW_CHARS);
    assertThat(rejected.getMonth()).isEqualTo("2022-05");
    assertThat(rejected.getForce()).isEqualTo(MET);
  }
}
