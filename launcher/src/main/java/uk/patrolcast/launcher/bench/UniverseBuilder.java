package uk.patrolcast.launcher.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.IntStream;
import uk.patrolcast.launcher.bench.AreaUnit.Level;

/**
 * Builds the synthetic geography: people on the map, areas cut to hold equal numbers of them,
 * names and ONS-style codes, the 2011 predecessors of the 2021 LSOAs (mostly unchanged, some split,
 * merged or irregularly changed, in about the real proportions), latent area characteristics
 * (urbanity, deprivation, a spatially autocorrelated crime propensity) and map points.
 */
final class UniverseBuilder {
  /** Shares of 2021 LSOAs created by splits, merges and irregular changes (ONS 2021: 5.3%, 0.34%, 0.03%). */
  static final double SPLIT_SHARE = 0.053;
  static final double MERGE_SHARE = 0.0034;
  static final double IRREGULAR_SHARE = 0.0003;

  private final GeneratorOptions options;
  private final Profile profile;
  private final Plane plane;
  private final long seed;

  private UniverseBuilder(GeneratorOptions options) {
    this.options = options;
    this.profile = options.profile();
    this.plane = profile.plane();
    this.seed = options.seed();
  }

  static Universe build(GeneratorOptions options) {
    return new UniverseBuilder(options).build();
  }

  private Universe build() {
    List<PoliceForce> forces = PoliceForces.first(options.forces());
    Rect box = profile.box();
    PopulationSurface surface = surface(box);
    AreaUnit root = AreaPlan.plan(forces, options.lsoas(), profile, plane, seed);
    Partition partition = Partition.layout(root, box, surface);
    Tiling tiling = Tiling.of(partition.leaves.stream().map(u -> u.rect).toList(), seed);

    Map<AreaUnit, Lsoa> byUnit = new IdentityHashMap<>();
    List<Lsoa> byLeaf = new ArrayList<>();
    for (int i = 0; i < partition.leaves.size(); i++) {
      Lsoa l = new Lsoa(i, partition.leaves.get(i).rect);
      l.ring = lonLat(tiling.ring(i));
      l.areaKm2 = Plane.areaKm2(l.ring);
      byUnit.put(partition.leaves.get(i), l);
      byLeaf.add(l);
    }
    List<Lad> lads = new ArrayList<>();
    List<Ward> wards = new ArrayList<>();
    administration(root, byUnit, lads, wards);
    characterise(byLeaf, surface);
    List<Lsoa2011> lsoas2011 = lineage(partition, byUnit, wards);
    codes(lads, wards, lsoas2011);

    SplittableRandom pointsRng = Seeds.random(seed, Seeds.label("points"));
    for (Lsoa l : byLeaf) {
      SplittableRandom rng = Seeds.random(pointsRng.nextLong());
      l.snaps = MapPoints.of(l, plane, rng);
      centroid(l);
    }
    IntStream.range(0, wards.size()).parallel().forEach(w -> wards.get(w).polygons =
        outline(tiling, wards.get(w).lsoas));
    lads.parallelStream().forEach(lad -> lad.polygons = outline(tiling, lad.lsoas()));

    List<Lsoa> lsoas = new ArrayList<>(byLeaf);
    lsoas.sort(Comparator.comparing(l -> l.code));
    for (int i = 0; i < lsoas.size(); i++) {
      lsoas.get(i).index = i;
    }
    for (Lsoa l : lsoas) {
      l.neighbours = IntStream.of(tiling.neighbours(l.leaf)).map(leaf -> byLeaf.get(leaf).index).sorted().toArray();
    }
    lsoas2011.sort(Comparator.comparing(p -> p.code));
    return new Universe(options, plane, forces, lads, wards, lsoas, lsoas2011);
  }

  private PopulationSurface surface(Rect box) {
    double total = (double) options.lsoas() * profile.meanPopulation;
    List<Settlement> settlements = profile.settlements(seed);
    double settled = settlements.stream().mapToDouble(Settlement::population).sum();
    double k = total * (1 - profile.ruralShare) / settled;
    List<Settlement> scaled = settlements.stream().map(s -> s.scaled(k)).toList();
    int resolution = (int) Math.max(256, Math.min(2048, Math.round(12 * Math.sqrt(options.lsoas()))));
    return PopulationSurface.build(box, scaled, total * profile.ruralShare, resolution, plane, seed);
  }

  /** Authorities and wards from the plan, in administrative order. */
  private void administration(AreaUnit root, Map<AreaUnit, Lsoa> byUnit, List<Lad> lads, List<Ward> wards) {
    for (AreaUnit forceUnit : root.children) {
      for (AreaUnit ladUnit : forceUnit.children) {
        Lad lad = new Lad(forceUnit.force);
        lads.add(lad);
        int ordinal = 0;
        for (AreaUnit wardUnit : ladUnit.children) {
          Ward ward = new Ward(lad, ++ordinal);
          lad.wards.add(ward);
          wards.add(ward);
          for (AreaUnit leaf : wardUnit.children) {
            Lsoa l = byUnit.get(leaf);
            l.ward = ward;
            ward.lsoas.add(l);
          }
        }
      }
    }
  }

  /**
   * Population, urbanity, deprivation and crime propensity. Residents come from the population
   * surface, evened out the way ONS draws LSOAs (1,000 to 3,000 residents); deprivation follows
   * urbanity and its own smooth field; the crime propensity is a smooth field whose correlation
   * length spans several LSOAs, which is what makes area rates spatially autocorrelated.
   */
  private void characterise(List<Lsoa> lsoas, PopulationSurface surface) {
    double[] people = lsoas.stream().mapToDouble(l -> Math.max(1.0, surface.population(l.rect))).toArray();
    double meanPeople = IntStream.range(0, people.length).mapToDouble(i -> people[i]).average().orElse(1);
    double meanArea = lsoas.stream().mapToDouble(l -> l.areaKm2).average().orElse(1);
    double correlation = Plane.units(8_000 * Math.sqrt(meanArea));
    SmoothField deprivationField = new SmoothField(Seeds.of(seed, Seeds.label("deprivation")), correlation * 1.5, 3);
    SmoothField crimeField = new SmoothField(Seeds.of(seed, Seeds.label("crime-field")), correlation, 3);
    double[] urbanity = new double[lsoas.size()];
    double[] deprivation = new double[lsoas.size()];
    double[] crime = new double[lsoas.size()];
    for (int i = 0; i < lsoas.size(); i++) {
      Lsoa l = lsoas.get(i);
      SplittableRandom rng = Seeds.random(seed, Seeds.label("character"), l.leaf);
      double raw = profile.meanPopulation * Math.pow(people[i] / meanPeople, 0.35) * Math.exp(0.12 * Seeds.gaussian(rng));
      l.population = (int) Math.max(600, Math.min(6_000, Math.round(raw)));
      urbanity[i] = Math.log(people[i] / l.areaKm2);
      deprivation[i] = deprivationField.at(l.rect.centreX(), l.rect.centreY()) + 0.5 * Seeds.gaussian(rng);
      crime[i] = crimeField.at(l.rect.centreX(), l.rect.centreY());
    }
    standardise(urbanity);
    for (int i = 0; i < lsoas.size(); i++) {
      deprivation[i] += 0.6 * urbanity[i];
    }
    standardise(deprivation);
    standardise(crime);
    for (int i = 0; i < lsoas.size(); i++) {
      lsoas.get(i).urbanity = urbanity[i];
      lsoas.get(i).deprivation = deprivation[i];
      lsoas.get(i).crimeField = crime[i];
    }
  }

  static void standardise(double[] v) {
    double mean = 0;
    for (double x : v) {
      mean += x;
    }
    mean /= v.length;
    double var = 0;
    for (double x : v) {
      var += (x - mean) * (x - mean);
    }
    double sd = Math.sqrt(var / v.length);
    for (int i = 0; i < v.length; i++) {
      v[i] = sd > 0 ? (v[i] - mean) / sd : 0;
    }
  }

  /**
   * The 2011 predecessors: sibling LSOAs of a ward that were one 2011 LSOA (S), LSOAs that were
   * two (M), and sibling pairs whose shared boundary moved (X: the first 2011 LSOA became the
   * first 2021 LSOA and part of the second, the other 2011 LSOA the rest of the second).
   */
  private List<Lsoa2011> lineage(Partition partition, Map<AreaUnit, Lsoa> byUnit, List<Ward> wards) {
    int n = partition.leaves.size();
    SplittableRandom rng = Seeds.random(seed, Seeds.label("lineage"));
    List<AreaUnit[]> pairs = new ArrayList<>(partition.siblingPairs);
    Collections.shuffle(pairs, new Random(rng.nextLong()));
    int splits = Math.min(pairs.size(), Math.max(1, (int) Math.round(n * SPLIT_SHARE / 2)));
    int irregular = Math.min(pairs.size() - splits, Math.max(1, (int) Math.round(n * IRREGULAR_SHARE / 2)));
    Map<Lsoa, Lsoa> splitWith = new HashMap<>();
    Map<Lsoa, Lsoa> irregularWith = new HashMap<>();
    Set<Lsoa> taken = new HashSet<>();
    for (int p = 0; p < splits + irregular; p++) {
      Lsoa a = byUnit.get(pairs.get(p)[0]);
      Lsoa b = byUnit.get(pairs.get(p)[1]);
      (p < splits ? splitWith : irregularWith).put(a, b);
      taken.add(a);
      taken.add(b);
    }
    List<Lsoa> singles = new ArrayList<>(partition.leaves.stream().map(byUnit::get).filter(l -> !taken.contains(l)).toList());
    Collections.shuffle(singles, new Random(rng.nextLong()));
    Set<Lsoa> merged = new HashSet<>(singles.subList(0, Math.min(singles.size(), Math.max(1, (int) Math.round(n * MERGE_SHARE)))));

    List<Lsoa2011> out = new ArrayList<>();
    for (Ward ward : wards) {
      for (Lsoa l : ward.lsoas) {
        if (!l.parents.isEmpty()) {
          continue; // the second of a pair, done with the first
        }
        Lad lad = ward.lad;
        if (splitWith.containsKey(l)) {
          Lsoa2011 p = parent(lad, 'S', out, l, splitWith.get(l));
          l.change = 'S';
          splitWith.get(l).change = 'S';
          l.parents.add(p);
          splitWith.get(l).parents.add(p);
        } else if (irregularWith.containsKey(l)) {
          Lsoa b = irregularWith.get(l);
          Lsoa2011 first = parent(lad, 'X', out, l, b);
          Lsoa2011 second = parent(lad, 'X', out, b);
          l.change = 'X';
          b.change = 'X';
          l.parents.add(first);
          b.parents.add(first);
          b.parents.add(second);
        } else if (merged.contains(l)) {
          l.change = 'M';
          l.parents.add(parent(lad, 'M', out, l));
          l.parents.add(parent(lad, 'M', out, l));
        } else {
          l.parents.add(parent(lad, 'U', out, l));
        }
      }
    }
    return out;
  }

  private static Lsoa2011 parent(Lad lad, char change, List<Lsoa2011> all, Lsoa... children) {
    Lsoa2011 p = new Lsoa2011(lad, change);
    p.children.addAll(List.of(children));
    all.add(p);
    return p;
  }

  /**
   * ONS-style codes and names: local authorities (E06-E09, W06), wards (E05, W05), MSOAs (E02,
   * W02) and LSOAs (E01, W01). 2011 LSOAs are numbered first; 2021 LSOAs that did not exist in 2011
   * get new numbers after them and new letters in their ward, as the ONS did.
   */
  private void codes(List<Lad> lads, List<Ward> wards, List<Lsoa2011> lsoas2011) {
    SplittableRandom rng = Seeds.random(seed, Seeds.label("names"));
    Map<String, Integer> counters = new HashMap<>();
    Set<String> ladNames = new HashSet<>();
    for (Lad lad : lads) {
      String prefix = lad.force.kind().ladPrefix;
      if (lad.force.kind() == PoliceForce.Kind.SHIRE && rng.nextDouble() < 0.35) {
        prefix = "E06";
      }
      lad.code = next(counters, prefix);
      lad.name = lad.force.slug().equals(PoliceForces.CITY_OF_LONDON) ? "City of London" : PlaceNames.lad(rng, ladNames);
      ladNames.add(lad.name);
      Set<String> wardNames = new HashSet<>();
      for (Ward w : lad.wards) {
        String country = lad.force.kind().country;
        w.code = next(counters, country + "05");
        w.msoaCode = next(counters, country + "02");
        w.name = PlaceNames.ward(rng, lad.name, wardNames);
        w.globalId = "{" + uuid(rng).toUpperCase(Locale.ROOT) + "}";
      }
    }
    Map<Ward, Integer> letters = new HashMap<>();
    for (Lsoa2011 p : lsoas2011) {
      Ward ward = p.children.get(0).ward;
      p.code = next(counters, p.lad.force.kind().country + "01");
      p.name = ward.msoaName() + letter(letters.merge(ward, 1, Integer::sum) - 1);
    }
    for (Ward ward : wards) {
      for (Lsoa l : ward.lsoas) {
        if (l.change == 'U') {
          l.code = l.parents.get(0).code;
          l.name = l.parents.get(0).name;
        }
      }
    }
    for (Ward ward : wards) {
      for (Lsoa l : ward.lsoas) {
        if (l.change != 'U') {
          l.code = next(counters, ward.lad.force.kind().country + "01");
          l.name = ward.msoaName() + letter(letters.merge(ward, 1, Integer::sum) - 1);
        }
      }
    }
    for (Lsoa2011 p : lsoas2011) {
      double pop = 0;
      for (Lsoa c : p.children) {
        pop += c.population / (double) c.parents.size();
      }
      SplittableRandom r = Seeds.random(seed, Seeds.label("census-2011"), p.code.hashCode());
      p.population2011 = (int) Math.round(pop * 0.94 * Math.exp(0.05 * Seeds.gaussian(r)));
    }
  }

  private static String next(Map<String, Integer> counters, String prefix) {
    return String.format(Locale.ROOT, "%s%06d", prefix, counters.merge(prefix, 1, Integer::sum));
  }

  static String letter(int i) {
    return i < 26 ? String.valueOf((char) ('A' + i)) : letter(i / 26 - 1) + (char) ('A' + i % 26);
  }

  static String uuid(SplittableRandom rng) {
    return new UUID((rng.nextLong() & ~0xF000L) | 0x4000L, (rng.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L).toString();
  }

  /** The population-weighted centroid: the weighted mean of the map points, or the heaviest one when the mean falls outside. */
  private static void centroid(Lsoa l) {
    double lon = 0;
    double lat = 0;
    double w = 0;
    SnapPoint heaviest = l.snaps[0];
    for (SnapPoint p : l.snaps) {
      lon += p.weight() * p.lon();
      lat += p.weight() * p.lat();
      w += p.weight();
      if (p.weight() > heaviest.weight()) {
        heaviest = p;
      }
    }
    double cLon = MapPoints.round6(lon / w);
    double cLat = MapPoints.round6(lat / w);
    boolean inside = MapPoints.wellInside(l.ring, cLon, cLat);
    l.centroidLon = inside ? cLon : heaviest.lon();
    l.centroidLat = inside ? cLat : heaviest.lat();
  }

  private List<List<double[]>> outline(Tiling tiling, List<Lsoa> members) {
    List<List<double[]>> out = new ArrayList<>();
    for (List<double[]> polygon : tiling.outline(members.stream().mapToInt(l -> l.leaf).toArray())) {
      List<double[]> rings = new ArrayList<>();
      for (double[] ring : polygon) {
        rings.add(lonLat(ring));
      }
      out.add(rings);
    }
    return out;
  }

  /** Plane ring → WGS84 rounded to 6 decimals, without repeated points. */
  private double[] lonLat(double[] ring) {
    double[] out = new double[ring.length];
    int n = 0;
    for (int i = 0; i < ring.length; i += 2) {
      double lon = MapPoints.round6(plane.lon(ring[i]));
      double lat = MapPoints.round6(ring[i + 1]);
      if (n >= 2 && out[n - 2] == lon && out[n - 1] == lat) {
        continue;
      }
      out[n++] = lon;
      out[n++] = lat;
    }
    if (n >= 4 && out[0] == out[n - 2] && out[1] == out[n - 1]) {
      n -= 2;
    }
    return Arrays.copyOf(out, n);
  }
}
