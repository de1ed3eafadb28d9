package uk.patrolcast.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import uk.patrolcast.events.RejectedRecord;
import uk.patrolcast.platform.kafka.TopicReader;
import uk.patrolcast.schemas.Topics;
import uk.patrolcast.schemas.registry.SchemaRegistry;

/**
 * What ingest adds to {@code patrolcast run}'s outputs: {@code OUT/rejected.csv} from the rejection
 * topic (one row per source and line, the latest rejection of each, sorted by source then line;
 * fields quoted where needed, raw text included), and the record counts and rate in run.json.
 */
public final class IngestOutputs {
  public static final List<String> REJECTED_COLUMNS = List.of("source", "line", "reason", "message", "month", "force", "crime_id", "raw");

  private IngestOutputs() {}

  /** Writes {@code out/rejected.csv}; returns how many rows it holds. */
  public static int writeRejected(String bootstrapServers, SchemaRegistry registry, Path out) throws IOException {
    Map<String, RejectedRecord> latest = new LinkedHashMap<>();
    TopicReader.readAll(bootstrapServers, registry, Topics.CRIME_REJECTED, (key, r) -> {
      if (r != null) {
        latest.put(r.getSource() + "\u0000" + r.getLine(), r);
      }
    });
    List<RejectedRecord> rows = new ArrayList<>(latest.values());
    rows.sort(Comparator.comparing(RejectedRecord::getSource).thenComparingLong(RejectedRecord::getLine));
    writeRejected(rows, out.resolve("rejected.csv"));
    return rows.size();
  }

  static void writeRejected(List<RejectedRecord> rows, Path file) throws IOException {
    CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").setQuoteMode(QuoteMode.MINIMAL)
        .setHeader(REJECTED_COLUMNS.toArray(new String[0])).get();
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8); CSVPrinter p = new CSVPrinter(w, format)) {
      for (RejectedRecord r : rows) {
        p.printRecord(r.getSource(), r.getLine(), r.getReason(), r.getMessage(), nullToEmpty(r.getMonth()), nullToEmpty(r.getForce()),
            nullToEmpty(r.getCrimeId()), r.getRaw());
      }
    }
  }

  /** Adds {@code records} (read, accepted, rejected) and {@code records_per_s.ingest} to a run.json report. */
  public static void addRunFigures(IngestService ingest, ObjectNode report) {
    IngestMetrics m = ingest.metrics();
    ObjectNode records = report.putObject("records");
    records.put("read", m.rowsRead());
    records.put("accepted", m.accepted());
    records.put("rejected", m.rejected());
    ObjectNode rates = report.has("records_per_s") ? (ObjectNode) report.get("records_per_s") : report.putObject("records_per_s");
    rates.put("ingest", Math.round(m.recordsPerSecond()));
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
