package uk.patrolcast.launcher.survival;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.patrolcast.platform.files.FileTree;

/**
 * The failure tests' shared input and reference: eight real months across the LSOA 2011/2021 code
 * change, one of them re-published corrected, run once with nothing killed (then kept for every
 * test class of the run).
 */
final class CleanRun {
  private static final Logger log = LoggerFactory.getLogger(CleanRun.class);
  static final Path BASE = Path.of("target", "survival").toAbsolutePath();
  static final YearMonth FIRST = YearMonth.of(2022, 11);
  static final int MONTHS = 8;
  static final YearMonth CORRECTED = YearMonth.of(2023, 2);

  private static Baseline baseline;
  private static List<String> corrected;

  private CleanRun() {}

  static YearMonth lastMonth() {
    return FIRST.plusMonths(MONTHS - 1);
  }

  /** The corrected re-publication of {@link #CORRECTED}: 30 rows gone, 15 rows moved to another area. */
  static synchronized List<String> correctedLines() throws IOException {
    if (corrected == null) {
      SurvivalData shared = SurvivalData.reader(SurvivalData.sharedData());
      corrected = SurvivalData.corrected(shared.sharedLines(SurvivalData.MET, CORRECTED), 30, 15, "E01000001");
    }
    return corrected;
  }

  /** A data directory of the final input: the months, with the corrected one. */
  static SurvivalData finalData(Path dir) throws IOException {
    SurvivalData data = SurvivalData.create(SurvivalData.sharedData(), dir, FIRST, MONTHS);
    data.rewrite(SurvivalData.MET, CORRECTED, correctedLines(), null);
    return data;
  }

  static synchronized Baseline baseline() throws Exception {
    if (baseline != null) {
      return baseline;
    }
    FileTree.delete(BASE);
    SurvivalData data = finalData(BASE.resolve("clean/data"));
    long started = System.nanoTime();
    try (ProcessStack p = new ProcessStack(BASE.resolve("clean/procs"))) {
      p.startStack(Duration.ofMinutes(3));
      Baseline.services(p, data.root(), lastMonth(), Map.of("patrolcast.mode", "run"));
      SurvivalIT.awaitAllMonths(p, Map.of(), Baseline.generous());
      baseline = Baseline.of(p, Files.createDirectories(BASE.resolve("clean/out")));
    }
    log.info("Clean run: {} s", (System.nanoTime() - started) / 1_000_000_000);
    if (baseline.totals().size() != MONTHS || baseline.features().size() != MONTHS * 4_994) {
      throw new AssertionError("The clean run is incomplete: " + baseline.totals());
    }
    return baseline;
  }
}
