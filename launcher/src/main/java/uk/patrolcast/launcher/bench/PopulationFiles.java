package uk.patrolcast.launcher.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Population estimates: mid-2011 to mid-2022 residents and density per 2021 LSOA (ONS SAPE
 * columns; mid-2021 is the universe's census population), and mid-2019 and mid-2020 residents by
 * sex and age band per 2011 LSOA. Each area grows at its own steady rate with small yearly noise;
 * urban areas are younger, deprived ones have more children.
 */
final class PopulationFiles {
  private PopulationFiles() {}

  static void write(Universe u, Path root) {
    density(u, root);
    ages(u, root, DataFile.POPULATION_MID_2019, 2019);
    ages(u, root, DataFile.POPULATION_MID_2020, 2020);
  }

  /** Residents of an LSOA in a mid-year (2011-2022). */
  static int residents(Universe u, Lsoa l, int year) {
    if (year == 2021) {
      return l.population;
    }
    double growth = 0.007 + 0.008 * Seeds.gaussian(Seeds.random(u.options.seed(), Seeds.label("growth"), l.index));
    double noise = 0.015 * Seeds.gaussian(Seeds.random(u.options.seed(), Seeds.label("growth-noise"), l.index, year));
    return (int) Math.round(l.population * Math.exp(growth * (year - 2021) + noise));
  }

  private static void density(Universe u, Path root) {
    try (CsvWriter csv = new CsvWriter(root, DataFile.POPULATION_DENSITY)) {
      for (Lsoa l : u.lsoas) {
        List<Object> row = new ArrayList<>(List.of(l.code, l.name, Numbers.fixed(l.areaKm2, 4)));
        double area = Double.parseDouble(Numbers.fixed(l.areaKm2, 4));
        for (int year = 2011; year <= 2022; year++) {
          int people = residents(u, l, year);
          row.add(people);
          row.add(Numbers.plain(people / area));
        }
        csv.row(row.toArray());
      }
    }
  }

  private static void ages(Universe u, Path root, DataFile file, int year) {
    try (CsvWriter csv = new CsvWriter(root, file)) {
      for (Lsoa2011 p : u.lsoas2011) {
        double growth = p.children.stream().mapToDouble(c -> residents(u, c, year) / (double) residents(u, c, 2011)).average().orElse(1);
        int persons = (int) Math.round(p.population2011 * growth);
        double dep = p.mean(l -> l.deprivation);
        double urb = p.mean(l -> l.urbanity);
        SplittableRandom rng = Seeds.random(u.options.seed(), Seeds.label("ages"), year, p.code.hashCode());
        double[] bands = {
          0.19 + 0.03 * dep, 0.17 + 0.05 * urb, 0.21 + 0.03 * urb, 0.25 - 0.02 * urb, 0.17 - 0.05 * urb};
        for (int i = 0; i < bands.length; i++) {
          bands[i] = Math.max(0.02, bands[i] * Math.exp(0.1 * Seeds.gaussian(rng)));
        }
        int[] all = Apportion.of(bands, persons);
        int[] males = new int[all.length];
        int[] females = new int[all.length];
        for (int i = 0; i < all.length; i++) {
          double share = (i == 4 ? 0.45 : 0.5) + 0.02 * Seeds.gaussian(rng);
          males[i] = (int) Math.round(all[i] * share);
          females[i] = all[i] - males[i];
        }
        Ward w = p.children.get(0).ward;
        List<Object> row = new ArrayList<>(List.of(p.code, p.name, w.msoaCode, w.msoaName(), p.lad.code, p.lad.name));
        add(row, all);
        add(row, males);
        add(row, females);
        csv.row(row.toArray());
      }
    }
  }

  private static void add(List<Object> row, int[] bands) {
    int total = 0;
    for (int b : bands) {
      total += b;
    }
    row.add(total);
    for (int b : bands) {
      row.add(b);
    }
  }
}
