package uk.patrolcast.allocator;

import static uk.patrolcast.allocator.check.HourFormat.plain;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import uk.patrolcast.events.AllocationPlan;
import uk.patrolcast.events.LsoaAllocation;
import uk.patrolcast.events.PlanKind;
import uk.patrolcast.events.PlanStatus;
import uk.patrolcast.events.WardAllocation;
import uk.patrolcast.platform.kafka.TopicReader;
import uk.patrolcast.schemas.Topics;
import uk.patrolcast.schemas.registry.SchemaRegistry;

/**
 * Writes the current plans as {@code patrolcast run} leaves them in OUT: {@code allocations.csv}
 * (one row per plan, month and LSOA) and {@code allocations_ward.csv} (one row per plan, month and
 * ward). Rows are sorted (origin month, plan id, month, code) and numbers printed the same way every
 * time, so the same plans give byte-identical files. Refusals have no hours and no rows.
 */
public final class AllocationCsv {
  public static final String LSOA_FILE = "allocations.csv";
  public static final String WARD_FILE = "allocations_ward.csv";
  static final String[] LSOA_HEADER = {
    "plan_id", "origin_month", "month", "lsoa21cd", "ward_code", "hours", "forecast", "min_hours", "max_hours"};
  /**
   * Per ward and month: its hours and forecast (sums of its LSOAs), its fairness floor, hours per
   * forecast burglary (empty when the forecast is 0) and its share of the month's hours over its
   * share of the population.
   */
  static final String[] WARD_HEADER = {
    "plan_id", "origin_month", "month", "ward_code", "ward_name", "borough_code", "population", "lsoas", "hours",
    "forecast", "floor_hours", "hours_per_forecast_burglary", "hours_to_population_share"};

  private AllocationCsv() {}

  /** Reads the plan topic's final contents and writes both files into {@code out}. */
  public static void write(String bootstrapServers, SchemaRegistry registry, Path out) throws IOException {
    write(TopicReader.latest(bootstrapServers, registry, Topics.PLANS).values(), out);
  }

  /** Writes both files for the optimal current plans among {@code plans}. */
  public static void write(Collection<AllocationPlan> plans, Path out) throws IOException {
    List<AllocationPlan> sorted = new ArrayList<>();
    for (AllocationPlan p : plans) {
      if (p.getKind() == PlanKind.CURRENT && p.getStatus() == PlanStatus.OPTIMAL) {
        sorted.add(p);
      }
    }
    sorted.sort(Comparator.comparing(AllocationPlan::getOriginMonth).thenComparing(AllocationPlan::getPlanId));
    Files.createDirectories(out);
    try (CSVPrinter csv = printer(out.resolve(LSOA_FILE), LSOA_HEADER)) {
      for (AllocationPlan p : sorted) {
        List<LsoaAllocation> lsoas = new ArrayList<>(p.getLsoas());
        lsoas.sort(Comparator.comparing(LsoaAllocation::getLsoa21cd));
        for (int m = 0; m < p.getMonths().size(); m++) {
          for (LsoaAllocation a : lsoas) {
            csv.printRecord(p.getPlanId(), p.getOriginMonth(), p.getMonths().get(m), a.getLsoa21cd(), a.getWardCode(),
                plain(a.getHours().get(m), 4), plain(a.getForecast().get(m), 6), plain(a.getMinHours().get(m), 4),
                plain(a.getMaxHours().get(m), 4));
          }
        }
      }
    }
    try (CSVPrinter csv = printer(out.resolve(WARD_FILE), WARD_HEADER)) {
      for (AllocationPlan p : sorted) {
        List<WardAllocation> wards = new ArrayList<>(p.getWards());
        wards.sort(Comparator.comparing(WardAllocation::getWardCode));
        int[] lsoaCount = new int[wards.size()];
        for (LsoaAllocation a : p.getLsoas()) {
          int w = indexOf(wards, a.getWardCode());
          if (w >= 0) {
            lsoaCount[w]++;
          }
        }
        long population = wards.stream().mapToLong(WardAllocation::getPopulation).sum();
        for (int m = 0; m < p.getMonths().size(); m++) {
          double total = 0;
          for (WardAllocation w : wards) {
            total += w.getHours().get(m);
          }
          for (int i = 0; i < wards.size(); i++) {
            WardAllocation w = wards.get(i);
            double hours = w.getHours().get(m);
            double forecast = w.getForecast().get(m);
            String perBurglary = forecast > 0 ? plain(hours / forecast, 6) : "";
            String share = total > 0 && w.getPopulation() > 0 && population > 0
                ? plain((hours / total) / ((double) w.getPopulation() / population), 6) : "";
            csv.printRecord(p.getPlanId(), p.getOriginMonth(), p.getMonths().get(m), w.getWardCode(), w.getWardName(),
                w.getBoroughCode(), w.getPopulation(), lsoaCount[i], plain(hours, 4), plain(forecast, 6),
                plain(w.getFloorHours().get(m), 4), perBurglary, share);
          }
        }
      }
    }
  }

  private static int indexOf(List<WardAllocation> sortedWards, String code) {
    int lo = 0;
    int hi = sortedWards.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = sortedWards.get(mid).getWardCode().compareTo(code);
      if (c == 0) {
        return mid;
      } else if (c < 0) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return -1;
  }

  private static CSVPrinter printer(Path file, String[] header) throws IOException {
    Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    return new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(header).setRecordSeparator('\n').get());
  }
}
