package uk.patrolcast.launcher.bench;

import java.time.YearMonth;
import java.util.Locale;

/**
 * What to generate. Everything the output depends on is here (threads and compression level only
 * change speed and, for the level, the gzip bytes; never the content).
 *
 * @param lsoas number of 2021 LSOAs
 * @param forces number of police forces (the first ones of {@link PoliceForces#first})
 * @param months number of monthly files per force
 * @param firstMonth the first month
 * @param seed the seed of every random choice
 * @param scale multiplies the volume of records
 * @param threads worker threads writing files
 * @param gzipLevel deflate level of the police files (1 fastest .. 9 smallest)
 */
record GeneratorOptions(Profile profile, int lsoas, int forces, int months, YearMonth firstMonth, long seed, double scale,
    int threads, int gzipLevel) {
  static final YearMonth DEFAULT_FIRST_MONTH = YearMonth.of(2014, 3);
  static final int DEFAULT_MONTHS = 120;

  GeneratorOptions {
    if (lsoas < 10 || lsoas > 200_000) {
      throw new IllegalArgumentException("--lsoas must be between 10 and 200000, not " + lsoas);
    }
    if (forces < 1 || forces > profile.maxForces) {
      throw new IllegalArgumentException("--forces must be between 1 and " + profile.maxForces + " for the " + profile + " profile, not " + forces);
    }
    if (lsoas < 2 * forces) {
      throw new IllegalArgumentException("--lsoas " + lsoas + " is too few for " + forces + " forces (at least 2 per force)");
    }
    if (months < 1 || months > 600) {
      throw new IllegalArgumentException("--months must be between 1 and 600, not " + months);
    }
    if (!(scale > 0 && scale <= 100)) {
      throw new IllegalArgumentException("--scale must be above 0 and at most 100, not " + scale);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("--threads must be at least 1, not " + threads);
    }
    if (gzipLevel < 1 || gzipLevel > 9) {
      throw new IllegalArgumentException("--gzip-level must be between 1 and 9, not " + gzipLevel);
    }
  }

  static GeneratorOptions defaults(Profile profile) {
    return new GeneratorOptions(profile, profile.defaultLsoas, profile.maxForces, DEFAULT_MONTHS, DEFAULT_FIRST_MONTH, 1, 1.0,
        Runtime.getRuntime().availableProcessors(), 1);
  }

  YearMonth lastMonth() {
    return firstMonth.plusMonths(months - 1L);
  }

  YearMonth month(int index) {
    return firstMonth.plusMonths(index);
  }

  /** The options as a command line (for the generated directory's notes). */
  String commandLine() {
    return String.format(Locale.ROOT, "patrolcast generate --profile %s --lsoas %d --forces %d --months %d --first-month %s --seed %d --scale %s",
        profile, lsoas, forces, months, firstMonth, seed, scale);
  }
}
