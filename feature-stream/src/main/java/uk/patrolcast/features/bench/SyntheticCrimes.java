package uk.patrolcast.features.bench;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import uk.patrolcast.events.CrimeRecord;
import uk.patrolcast.events.LsoaProfile;
import uk.patrolcast.features.model.MonthAxis;
import uk.patrolcast.platform.config.Months;

/**
 * Seeded, realistic-looking burglary records: each area has its own rate (log-normal across areas,
 * so a few areas have many burglaries and most have a few), months have a seasonal swing, and counts
 * are Poisson. Months before 2011-12 have no Crime IDs (keys from the raw line, as police.uk had
 * none then). Each month is generated on its own from the seed, so a million records never sit in
 * memory at once and the same month always comes out the same.
 */
public final class SyntheticCrimes {
  private final List<LsoaProfile> areas;
  private final double[] rates;
  private final long seed;

  /**
   * @param recordsPerMonth mean records per month over all areas
   */
  public SyntheticCrimes(List<LsoaProfile> areas, double recordsPerMonth, long seed) {
    this.areas = areas;
    this.seed = seed;
    Random random = new Random(seed);
    double[] raw = new double[areas.size()];
    double sum = 0;
    for (int i = 0; i < raw.length; i++) {
      raw[i] = Math.exp(random.nextGaussian() * 0.8);
      sum += raw[i];
    }
    rates = new double[raw.length];
    for (int i = 0; i < raw.length; i++) {
      rates[i] = raw[i] / sum * recordsPerMonth;
    }
  }

  /** The records of one month, in a stable order. */
  public List<CrimeRecord> month(YearMonth month) {
    String m = Months.format(month);
    Random random = new Random(seed * 31 + MonthAxis.epoch(month));
    double season = 1 + 0.15 * Math.cos(2 * Math.PI * (month.getMonthValue() - 1) / 12.0);
    boolean withIds = !month.isBefore(YearMonth.of(2011, 12));
    List<CrimeRecord> out = new ArrayList<>();
    long line = 2;
    for (int i = 0; i < areas.size(); i++) {
      LsoaProfile area = areas.get(i);
      int n = poisson(random, rates[i] * season);
      for (int j = 0; j < n; j++) {
        double lon = area.getCentroidLon() + (random.nextDouble() - 0.5) * 0.004;
        double lat = area.getCentroidLat() + (random.nextDouble() - 0.5) * 0.003;
        String key;
        String crimeId = null;
        if (withIds) {
          crimeId = HexFormat.of().formatHex(longBytes(random.nextLong())) + HexFormat.of().formatHex(longBytes(random.nextLong()));
          key = CrimeRecords.idKey("metropolitan", m, crimeId);
        } else {
          String raw = "," + m + ",Metropolitan Police Service,Metropolitan Police Service," + lon + "," + lat + ",On or near Synthetic Street,"
              + area.getLsoa21cd() + "," + area.getName() + ",Burglary,,";
          key = CrimeRecords.rowKey("metropolitan", m, raw, 0);
        }
        out.add(CrimeRecords.record(key, m, crimeId, area.getLsoa21cd(), lon, lat, line++));
      }
    }
    return out;
  }

  private static byte[] longBytes(long v) {
    byte[] b = new byte[8];
    for (int i = 7; i >= 0; i--) {
      b[i] = (byte) v;
      v >>>= 8;
    }
    return b;
  }

  /** Knuth's method for small means, a rounded normal approximation for large ones. */
  private static int poisson(Random random, double mean) {
    if (mean > 30) {
      return Math.max(0, (int) Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
    }
    double limit = Math.exp(-mean);
    double p = random.nextDouble();
    int k = 0;
    while (p > limit) {
      p *= random.nextDouble();
      k++;
    }
    return k;
  }
}
