package uk.patrolcast.launcher.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.patrolcast.platform.files.FileTree;
import uk.patrolcast.schemas.Topics;

/**
 * A hostile publisher, end to end: bad rows inside a good month's file and bad whole sources beside
 * the good months, fed to the services running as separate processes. Each is refused with a clear
 * reason, no service dies, memory stays bounded (100 MB line, gzip and zip bombs), the good months'
 * features equal the clean run's, and no CSV the system writes holds a live spreadsheet formula.
 */
class HostileInputIT {
  private static final Logger log = LoggerFactory.getLogger(HostileInputIT.class);
  private static final YearMonth HOSTILE_ROWS_MONTH = YearMonth.of(2023, 3);
  private static final int HUGE_LINE = 100 << 20;

  @Test
  void hostileInputIsRefusedWithReasonsAndTheGoodDataIsKept() throws Exception {
    Path shared = SurvivalData.sharedData();
    assumeTrue(Files.isDirectory(shared.resolve("police-uk")), "no data directory at " + shared);
    Baseline clean = CleanRun.baseline();
    Path base = CleanRun.BASE.resolve("hostile");
    FileTree.delete(base);
    SurvivalData data = CleanRun.finalData(base.resolve("data"));

    List<String> month = data.sharedLines(SurvivalData.MET, HOSTILE_ROWS_MONTH);
    List<HostileCorpus.Row> rows = HostileCorpus.rows(HOSTILE_ROWS_MONTH.toString(), month.get(1), HUGE_LINE);
    data.rewrite(SurvivalData.MET, HOSTILE_ROWS_MONTH, month, HostileCorpus.tail(rows));
    byte[] goodGz = Files.readAllBytes(shared.resolve("police-uk/metropolitan-street-burglary/2023-07-metropolitan-street-burglary.csv.gz"));
    List<HostileCorpus.Source> sources = HostileCorpus.sources(data.police().resolve("hostile"), "police-uk/hostile/", goodGz,
        data.sharedLines(SurvivalData.CITY, YearMonth.of(2023, 7)));

    try (ProcessStack p = new ProcessStack(base.resolve("procs"))) {
      p.startStack(Duration.ofMinutes(3));
      // up mode: the hostile months after the good ones can never close; in up mode that is logged and
      // waited for (in run mode it would end the run), while the good months flow on.
      ChildJvm ingest = p.service("ingest", "256m", data.root(), Map.of("patrolcast.mode", "up", "ingest.watch.interval", "0s"));
      ChildJvm features = p.service("features", "768m", null, Map.of("patrolcast.mode", "run"));
      ingest.start();
      features.start();
      ProcessStack.await("ingest to go through every source", Duration.ofMinutes(8),
          () -> ProcessStack.count(ingest.logFile(), "Files done") > 0 || !ingest.alive());
      Map<String, String> got = SurvivalIT.awaitAllMonths(p, clean.features(), Duration.ofMinutes(5));

      // Nothing died, and the ingest (256 MB heap) stayed small through the 100 MB line and the bombs.
      assertThat(p.liveness("ingest")).as("ingest alive").isEqualTo(200);
      assertThat(p.liveness("features")).as("features alive").isEqualTo(200);
      long ingestRss = ingest.peakRssMb();
      log.info("Ingest peak RSS {} MB", ingestRss);
      assertThat(ingestRss).as("ingest peak RSS (MB)").isLessThan(1_024);

      // The good data is all there, exactly as in the clean run.
      SurvivalIT.assertSameContents("features.lsoa-month.v1", got, clean.features());
      assertThat(SurvivalIT.totalsOf(p)).isEqualTo(clean.totals());

      Path out = Files.createDirectories(base.resolve("out"));
      Baseline.writeFiles(p, out);
      CsvTable rejected = CsvTable.read(out.resolve("rejected.csv"));
      int source = rejected.column("source");
      int line = rejected.column("line");
      int reason = rejected.column("reason");
      int message = rejected.column("message");
      // Every hostile row is refused, each with an acceptable reason and a message.
      String hostileFile = "police-uk/metropolitan-street-burglary/" + HOSTILE_ROWS_MONTH + "-metropolitan-street-burglary.csv.gz";
      int firstHostileLine = month.size() + 1;
      List<String> problems = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        long at = firstHostileLine + i;
        HostileCorpus.Row row = rows.get(i);
        List<List<String>> found = rejected.rows().stream()
            .filter(r -> r.get(source).equals(hostileFile) && Long.parseLong(r.get(line)) == at).toList();
        if (found.size() != 1 || !row.reasons().contains(found.get(0).get(reason)) || found.get(0).get(message).isBlank()) {
          problems.add(row.what() + " (line " + at + "): expected one of " + row.reasons() + ", got "
              + found.stream().map(r -> r.get(reason) + ": " + r.get(message)).toList());
        }
      }
      // Every hostile source is refused as a whole (line 0, or line 1 for its header), with a reason.
      for (HostileCorpus.Source s : sources) {
        List<List<String>> found = rejected.rows().stream().filter(r -> r.get(source).equals(s.name())).toList();
        if (found.isEmpty() || found.stream().anyMatch(r -> Long.parseLong(r.get(line)) > 1 || !s.reasons().contains(r.get(reason))
            || r.get(message).isBlank())) {
          problems.add(s.what() + " (" + s.name() + "): expected one of " + s.reasons() + ", got "
              + found.stream().map(r -> r.get(reason) + ": " + r.get(message)).toList());
        }
      }
      assertThat(problems).as("hostile inputs not refused as expected; rejected sources: %s",
          rejected.rows().stream().map(r -> r.get(source) + ":" + r.get(line) + " " + r.get(reason)).filter(r -> r.contains("hostile"))
              .collect(Collectors.toList())).isEmpty();
      // The clean run's rejections are all still there.
      assertThat(rejected.rows()).containsAll(CsvTable.read(clean.out().resolve("rejected.csv")).rows());
      // The rejected raw text is kept but cut, never 100 MB in a file.
      assertThat(Files.size(out.resolve("rejected.csv"))).isLessThan(10L << 20);

      // CSV injection: kept as data, never a live formula in any CSV the system writes.
      for (String file : List.of("rejected.csv", "features.csv", "allocations.csv", "allocations_ward.csv")) {
        assertThat(CsvTable.read(out.resolve(file)).liveFormulas()).as("live formulas in " + file).isEmpty();
      }
      assertThat(rejected.rows().stream().anyMatch(r -> String.join(",", r).contains("HYPERLINK"))).as("injection kept as data").isTrue();
      log.info("{} hostile rows and {} hostile sources refused; topics {}", rows.size(), sources.size(), Topics.CRIME_REJECTED.name());
    }
    // The 100 MB file and the bombs are not kept.
    FileTree.delete(base.resolve("data"));
  }
}
