package uk.patrolcast.launcher.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Census 2021 counts per 2021 LSOA in the 55 columns of the shared pivoted extract (including its
 * leftover "Does not apply" columns): ethnic group, accommodation type, tenure, occupancy,
 * industry and NS-SeC. Shares move with urbanity and deprivation the way they do in the real
 * census (flats and private renting with density, social renting and routine occupations with
 * deprivation), with area-level noise. Ethnic counts add up to the residents, housing counts to
 * the households, industry and NS-SeC (with their "Does not apply") to the residents.
 */
final class CensusFiles {
  // Base weights of the non-White-British ethnic columns (London means of the shared file), in header order.
  private static final double[] ASIAN_BLACK = {64.5, 29.5, 131.4, 80.4, 58.2, 139.6, 69.2, 29.2};
  private static final double[] MIXED_OTHER = {34.2, 25.1, 15.5, 26.5, 83.5, 28.0};
  private static final double[] WHITE_OTHER = {1.4, 31.3, 258.5, 7.5};

  private CensusFiles() {}

  static void write(Universe u, Path root) {
    try (CsvWriter csv = new CsvWriter(root, DataFile.CENSUS_FEATURES)) {
      for (Lsoa l : u.lsoas) {
        csv.row(row(u, l).toArray());
      }
    }
  }

  private static List<Object> row(Universe u, Lsoa l) {
    SplittableRandom rng = Seeds.random(u.options.seed(), Seeds.label("census"), l.index);
    double dep = l.deprivation;
    double urb = l.urbanity;
    int people = l.population;
    int households = (int) Math.round(people / clamp(2.35 + 0.15 * dep + 0.1 * Seeds.gaussian(rng), 1.6, 3.4));
    List<Object> row = new ArrayList<>();
    row.add(l.code);

    double whiteBritish = logistic(1.6 - 1.3 * urb - 0.4 * dep + 0.4 * Seeds.gaussian(rng));
    double[] ethnic = new double[19];
    double rest = 0;
    double[] base = concat(ASIAN_BLACK, MIXED_OTHER, WHITE_OTHER);
    double[] noisy = new double[base.length];
    for (int i = 0; i < base.length; i++) {
      noisy[i] = base[i] * Math.exp(0.6 * Seeds.gaussian(rng));
      rest += noisy[i];
    }
    // ethnic[] in header order without the "Does not apply_x" column: 8, 6, White British, 4.
    for (int i = 0; i < 14; i++) {
      ethnic[i] = (1 - whiteBritish) * noisy[i] / rest;
    }
    ethnic[14] = whiteBritish;
    for (int i = 14; i < 18; i++) {
      ethnic[i + 1] = (1 - whiteBritish) * noisy[i] / rest;
    }
    int[] e = Apportion.of(ethnic, people);
    for (int i = 0; i < 8; i++) {
      row.add(e[i]);
    }
    row.add(0); // Does not apply_x
    for (int i = 8; i < 19; i++) {
      row.add(e[i]);
    }

    double flats = logistic(-0.8 + 1.4 * urb + 0.3 * dep + 0.4 * Seeds.gaussian(rng));
    double caravan = 0.002 * Math.exp(-urb);
    double houses = Math.max(0, 1 - flats - caravan);
    double detached = Math.exp(-0.9 * urb - 0.5 * dep + 0.3 * Seeds.gaussian(rng));
    double semi = Math.exp(0.3 * Seeds.gaussian(rng));
    double terraced = Math.exp(0.4 * urb + 0.3 * dep + 0.3 * Seeds.gaussian(rng));
    double houseSum = detached + semi + terraced;
    for (int v : Apportion.of(new double[] {caravan, flats, houses * detached / houseSum, houses * semi / houseSum,
        houses * terraced / houseSum}, households)) {
      row.add(v);
    }
    row.add(0); // Does not apply_y

    double social = logistic(-1.6 + 0.9 * dep + 0.3 * urb + 0.4 * Seeds.gaussian(rng));
    double privateRent = logistic(-1.5 + 0.6 * urb + 0.2 * dep + 0.3 * Seeds.gaussian(rng));
    double owned = Math.max(0.02, 1 - social - privateRent);
    double outright = logistic(0.1 - 0.4 * urb + 0.3 * Seeds.gaussian(rng));
    for (int v : Apportion.of(new double[] {owned * outright, owned * (1 - outright), privateRent, social}, households)) {
      row.add(v);
    }
    row.add(0); // Does not apply_x

    double veryCrowded = logistic(-4 + 0.8 * dep + 0.6 * urb);
    double crowded = logistic(-2.8 + 0.7 * dep + 0.5 * urb);
    double roomy = logistic(-0.6 * dep - 0.3 * urb + 0.3 * Seeds.gaussian(rng)) * (1 - veryCrowded - crowded);
    double normal = Math.max(0, 1 - veryCrowded - crowded - roomy);
    for (int v : Apportion.of(new double[] {normal, crowded, veryCrowded, roomy}, households)) {
      row.add(v);
    }

    int employed = (int) Math.round(people * clamp(0.5 - 0.07 * dep + 0.02 * Seeds.gaussian(rng), 0.25, 0.65));
    double[] industry = {
      7 * Math.exp(-1.5 * urb), 26 * Math.exp(-0.5 * urb + 0.2 * dep), 68 * Math.exp(0.2 * dep), 154, 108,
      220 * Math.exp(0.5 * urb - 0.4 * dep), 239, 50};
    for (int i = 0; i < industry.length; i++) {
      industry[i] *= Math.exp(0.2 * Seeds.gaussian(rng));
    }
    int[] jobs = Apportion.of(industry, employed);
    row.add(jobs[0]);
    row.add(jobs[1]);
    row.add(people - employed); // Does not apply_y
    for (int i = 2; i < jobs.length; i++) {
      row.add(jobs[i]);
    }

    int under16 = (int) Math.round(people * clamp(0.19 + 0.03 * dep + 0.02 * Seeds.gaussian(rng), 0.06, 0.35));
    row.add(under16); // Does not apply
    double[] nssec = {
      250 * Math.exp(-0.6 * dep + 0.3 * urb), 55 * Math.exp(0.2 * dep - 0.2 * urb), 123 * Math.exp(0.4 * dep),
      123 * Math.exp(0.5 * dep), 146 * Math.exp(0.6 * dep + 0.3 * urb), 134 * Math.exp(0.6 * urb + 0.8 * Seeds.gaussian(rng)),
      293 * Math.exp(-0.3 * dep), 139, 159 * Math.exp(-0.2 * urb)};
    for (int v : Apportion.of(nssec, people - under16)) {
      row.add(v);
    }
    return row;
  }

  private static double[] concat(double[]... parts) {
    int n = 0;
    for (double[] p : parts) {
      n += p.length;
    }
    double[] out = new double[n];
    int k = 0;
    for (double[] p : parts) {
      System.arraycopy(p, 0, out, k, p.length);
      k += p.length;
    }
    return out;
  }

  private static double logistic(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
