package uk.patrolcast.launcher.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The ONS-style lookups of the universe: the area universe itself (LSOA, ward, authority, area,
 * population), the LSOA 2011 → 2021 exact-fit lookup, the LSOA → ward lookups (2024 best fit and
 * 2022), population-weighted centroids in British National Grid, and the 2011/2021 census
 * residents per exact-fit pair.
 */
final class LookupFiles {
  private LookupFiles() {}

  static void write(Universe u, Path root) {
    universe(u, root);
    exactFit(u, root);
    wardLookup(u, root, DataFile.WARD24_LOOKUP);
    wardLookup(u, root, DataFile.WARD22_LOOKUP);
    centroids(u, root);
    residents(u, root);
  }

  private static void universe(Universe u, Path root) {
    try (CsvWriter csv = new CsvWriter(root, DataFile.UNIVERSE)) {
      for (Lsoa l : u.lsoas) {
        Ward w = l.ward;
        csv.row(l.code, l.name, w.code, w.name, w.lad.code, w.lad.name, Numbers.fixed(l.areaKm2, 4), l.population);
      }
    }
  }

  /** One exact-fit pair. */
  record Link(Lsoa2011 from, Lsoa to) {}

  /** Every 2011 → 2021 pair, ordered as the ONS file is: by authority name, then codes. */
  static List<Link> links(Universe u) {
    List<Link> links = new ArrayList<>();
    for (Lsoa2011 p : u.lsoas2011) {
      for (Lsoa c : p.children) {
        links.add(new Link(p, c));
      }
    }
    links.sort(Comparator.comparing((Link k) -> k.to.lad().name).thenComparing(k -> k.from.code).thenComparing(k -> k.to.code));
    return links;
  }

  private static void exactFit(Universe u, Path root) {
    try (CsvWriter csv = new CsvWriter(root, DataFile.EXACT_FIT)) {
      int id = 0;
      for (Link k : links(u)) {
        Lad lad = k.to.lad();
        csv.row(k.from.code, k.from.name, k.to.code, k.to.name, k.from.change, lad.code, lad.name, lad.welsh() ? lad.name : "", ++id);
      }
    }
  }

  private static void wardLookup(Universe u, Path root, DataFile file) {
    List<Lsoa> ordered = new ArrayList<>(u.lsoas);
    ordered.sort(Comparator.comparing((Lsoa l) -> l.lad().code).thenComparing(l -> l.code));
    try (CsvWriter csv = new CsvWriter(root, file)) {
      int id = 0;
      for (Lsoa l : ordered) {
        Ward w = l.ward;
        boolean welsh = w.lad.welsh();
        csv.row(l.code, l.name, welsh ? l.name : "", w.code, w.name, welsh ? w.name : "", w.lad.code, w.lad.name,
            welsh ? w.lad.name : "", ++id);
      }
    }
  }

  private static void centroids(Universe u, Path root) {
    try (CsvWriter csv = new CsvWriter(root, DataFile.CENTROIDS)) {
      int fid = 0;
      for (Lsoa l : u.lsoas) {
        double[] en = BritishNationalGrid.fromWgs84(l.centroidLon, l.centroidLat);
        SplittableRandom rng = Seeds.random(u.options.seed(), Seeds.label("centroid-id"), l.index);
        csv.row(++fid, l.code, UniverseBuilder.uuid(rng), Numbers.fixed(en[0], 4), Numbers.fixed(en[1], 4));
      }
    }
  }

  /**
   * Census 2011 and 2021 residents per exact-fit pair, as in the shared file: a split's share of
   * its 2011 parent in {@code prop21}, and (as that file does) the number of parents for a merge.
   */
  private static void residents(Universe u, Path root) {
    List<Link> links = new ArrayList<>(links(u));
    links.sort(Comparator.comparing((Link k) -> k.from.code).thenComparing(k -> k.to.code));
    try (CsvWriter csv = new CsvWriter(root, DataFile.CENSUS_RESIDENTS)) {
      int index = 0;
      for (Link k : links) {
        Lsoa2011 p = k.from;
        Lsoa c = k.to;
        double prop = switch (p.change) {
          case 'U' -> 1.0;
          case 'M' -> c.parents.size();
          default -> p.shareOf(c);
        };
        double carried = p.change == 'M' ? c.parents.stream().mapToInt(q -> q.population2011).sum()
            : Math.round(p.population2011 * prop);
        csv.row(index++, p.code, p.name, c.code, c.name, p.change, c.lad().code, c.lad().name, p.population2011, c.population,
            Numbers.plain(c.areaKm2), Numbers.plain(prop), Numbers.plain(carried));
      }
    }
  }
}
