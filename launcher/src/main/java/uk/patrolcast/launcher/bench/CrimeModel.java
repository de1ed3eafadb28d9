package uk.patrolcast.launcher.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Expected records per LSOA, crime type and month, before chance:
 * {@code rate × share(type) × force(f, type) × residents(i) × exp(β_dep·dep(i) + β_urb·urb(i) + γ·field(i) + σ·ε(i,type))
 * / (the same summed over the force's residents) × season(type, calendar month) × trend(type, force, month)},
 * normalised so the universe's mean per LSOA and month is the profile's rate (about 14 at
 * England-and-Wales scale) times {@code --scale}. The area effects are normalised within each force,
 * so that records per head differ between forces by their factors (the real forces' relative crime
 * levels, plus random differences in recording per type) and areas vary around their force's level;
 * trends are yearly log-linear, centred on the middle month.
 */
final class CrimeModel {
  private final int lsoaCount;
  private final int months;
  /** [lsoa * COUNT + type]: expected monthly records without season and trend. */
  private final double[] base;
  /** [lsoa]: the position of the LSOA's force in {@link Universe#forces}. */
  private final int[] forceOf;
  /** [force * COUNT + type]: extra yearly trend of a force. */
  private final double[] forceTrend;
  private final int[] calendarMonth;
  private final double middle;

  CrimeModel(Universe u) {
    GeneratorOptions o = u.options;
    lsoaCount = u.lsoas.size();
    months = o.months();
    base = new double[lsoaCount * CrimeType.COUNT];
    forceOf = new int[lsoaCount];
    List<PoliceForce> forces = u.forces;
    Map<PoliceForce, Integer> position = new HashMap<>();
    for (int f = 0; f < forces.size(); f++) {
      position.put(forces.get(f), f);
    }
    double[] forceFactor = new double[forces.size() * CrimeType.COUNT];
    forceTrend = new double[forces.size() * CrimeType.COUNT];
    for (int f = 0; f < forces.size(); f++) {
      SplittableRandom rng = Seeds.random(o.seed(), Seeds.label("force-level"), f);
      double common = forces.get(f).crimeLevel() * Math.exp(0.10 * Seeds.gaussian(rng));
      for (CrimeType t : CrimeType.ALL) {
        forceFactor[f * CrimeType.COUNT + t.ordinal()] = common * Math.exp(0.12 * Seeds.gaussian(rng));
        forceTrend[f * CrimeType.COUNT + t.ordinal()] = 0.015 * Seeds.gaussian(rng);
      }
    }
    // Area effects first, normalised within each force (so that a force's level is its factor, as
    // recorded crime per head differs between real forces, and areas vary around it).
    double[] effects = new double[forces.size() * CrimeType.COUNT];
    double[] people = new double[forces.size()];
    for (Lsoa l : u.lsoas) {
      int f = position.get(l.force());
      forceOf[l.index] = f;
      people[f] += l.population;
      SplittableRandom rng = Seeds.random(o.seed(), Seeds.label("area-level"), l.index);
      for (CrimeType t : CrimeType.ALL) {
        double log = t.deprivation * l.deprivation + t.urbanity * l.urbanity + t.field * l.crimeField
            + t.idiosyncratic * Seeds.gaussian(rng);
        double raw = l.population * Math.exp(log);
        base[l.index * CrimeType.COUNT + t.ordinal()] = raw;
        effects[f * CrimeType.COUNT + t.ordinal()] += raw;
      }
    }
    double[] sums = new double[CrimeType.COUNT];
    for (Lsoa l : u.lsoas) {
      int f = forceOf[l.index];
      for (CrimeType t : CrimeType.ALL) {
        int k = f * CrimeType.COUNT + t.ordinal();
        double v = base[l.index * CrimeType.COUNT + t.ordinal()] * people[f] / effects[k] * forceFactor[k];
        base[l.index * CrimeType.COUNT + t.ordinal()] = v;
        sums[t.ordinal()] += v;
      }
    }
    double rate = o.profile().rowsPerLsoaMonth * o.scale();
    for (int i = 0; i < lsoaCount; i++) {
      for (CrimeType t : CrimeType.ALL) {
        base[i * CrimeType.COUNT + t.ordinal()] *= rate * t.share * lsoaCount / sums[t.ordinal()];
      }
    }
    calendarMonth = new int[months];
    for (int m = 0; m < months; m++) {
      calendarMonth[m] = o.month(m).getMonthValue();
    }
    middle = (months - 1) / 2.0;
  }

  /** Expected records of a type in an LSOA in a month (month index from the first month). */
  double expected(int lsoa, CrimeType type, int month) {
    int t = type.ordinal();
    double years = (month - middle) / 12.0;
    double trend = Math.exp((type.trendPerYear + forceTrend[forceOf[lsoa] * CrimeType.COUNT + t]) * years);
    return base[lsoa * CrimeType.COUNT + t] * type.season(calendarMonth[month]) * trend;
  }

  int lsoaCount() {
    return lsoaCount;
  }

  int months() {
    return months;
  }
}
