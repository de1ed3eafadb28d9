package uk.patrolcast.launcher.bench;

import java.time.YearMonth;
import java.util.SplittableRandom;

/**
 * Which LSOA codes the police files carry, as police.uk did: 2011 codes up to a cut-over, then a
 * mixed period in which more and more records carry 2021 codes, then 2021 codes only. When the
 * generated months span the real mixed period (March 2022 to May 2023) those are the dates;
 * otherwise the mixed period covers the months from 60% to 80% of the span, so that every span
 * has all three phases.
 *
 * @param mixedFrom index of the first month with some 2021 codes
 * @param mixedUntil index of the last month with some 2011 codes
 */
record CodeVintage(int mixedFrom, int mixedUntil) {
  static final YearMonth REAL_MIXED_FROM = YearMonth.of(2022, 3);
  static final YearMonth REAL_MIXED_UNTIL = YearMonth.of(2023, 5);

  static CodeVintage of(GeneratorOptions o) {
    YearMonth first = o.firstMonth();
    YearMonth last = o.lastMonth();
    if (first.isBefore(REAL_MIXED_FROM) && last.isAfter(REAL_MIXED_UNTIL)) {
      return new CodeVintage(index(first, REAL_MIXED_FROM), index(first, REAL_MIXED_UNTIL));
    }
    int n = o.months();
    return new CodeVintage((int) Math.round(0.6 * (n - 1)), (int) Math.round(0.8 * (n - 1)));
  }

  private static int index(YearMonth first, YearMonth m) {
    return (int) (m.getYear() * 12L + m.getMonthValue() - first.getYear() * 12L - first.getMonthValue());
  }

  /** Share of a month's records that carry 2021 codes. */
  double share2021(int month) {
    if (month < mixedFrom) {
      return 0;
    }
    if (month > mixedUntil) {
      return 1;
    }
    return (month - mixedFrom + 1.0) / (mixedUntil - mixedFrom + 2.0);
  }

  /** Whether a record of this month carries its 2021 code (draws only in the mixed period). */
  boolean uses2021(int month, SplittableRandom rng) {
    double p = share2021(month);
    return p >= 1 || (p > 0 && rng.nextDouble() < p);
  }
}
