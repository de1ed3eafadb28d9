package uk.patrolcast.launcher.bench;

import java.util.SplittableRandom;

/**
 * The "Last outcome category" of a record: drawn from a mix typical of its crime type, except
 * that recent months are still largely "Under investigation" (police.uk updates outcomes as cases
 * close, so the newest months of any download look unresolved).
 */
final class Outcomes {
  static final String UNDER_INVESTIGATION = "Under investigation";
  static final String STATUS_UNAVAILABLE = "Status update unavailable";
  private static final String NO_SUSPECT = "Investigation complete; no suspect identified";
  private static final String UNABLE = "Unable to prosecute suspect";
  private static final String COURT = "Court result unavailable";
  private static final String AWAITING = "Awaiting court outcome";
  private static final String CAUTION = "Offender given a caution";
  private static final String LOCAL = "Local resolution";
  private static final String NOT_PUBLIC_INTEREST = "Further investigation is not in the public interest";
  private static final String FORMAL_NOT_PUBLIC_INTEREST = "Formal action is not in the public interest";
  private static final String OTHER_ORGANISATION = "Action to be taken by another organisation";
  private static final String ANOTHER_CASE = "Suspect charged as part of another case";
  private static final String PENALTY = "Offender given penalty notice";

  private record Mix(String[] outcomes, double[] cumulative) {
    static Mix of(Object... pairs) {
      String[] o = new String[pairs.length / 2];
      double[] c = new double[o.length];
      double sum = 0;
      for (int i = 0; i < o.length; i++) {
        o[i] = (String) pairs[2 * i];
        sum += (Double) pairs[2 * i + 1];
        c[i] = sum;
      }
      for (int i = 0; i < c.length; i++) {
        c[i] /= sum;
      }
      return new Mix(o, c);
    }

    String draw(double u) {
      for (int i = 0; i < cumulative.length; i++) {
        if (u < cumulative[i]) {
          return outcomes[i];
        }
      }
      return outcomes[outcomes.length - 1];
    }
  }

  private static final Mix UNSOLVED = Mix.of(NO_SUSPECT, 0.74, UNABLE, 0.12, COURT, 0.04, STATUS_UNAVAILABLE, 0.04, LOCAL, 0.02,
      AWAITING, 0.01, NOT_PUBLIC_INTEREST, 0.02, ANOTHER_CASE, 0.01);
  private static final Mix VIOLENT = Mix.of(UNABLE, 0.55, NO_SUSPECT, 0.15, COURT, 0.08, LOCAL, 0.05, CAUTION, 0.03,
      STATUS_UNAVAILABLE, 0.04, AWAITING, 0.03, OTHER_ORGANISATION, 0.03, NOT_PUBLIC_INTEREST, 0.02, FORMAL_NOT_PUBLIC_INTEREST, 0.02);
  private static final Mix PROACTIVE = Mix.of(LOCAL, 0.20, COURT, 0.25, CAUTION, 0.15, UNABLE, 0.15, PENALTY, 0.05,
      FORMAL_NOT_PUBLIC_INTEREST, 0.05, AWAITING, 0.05, STATUS_UNAVAILABLE, 0.05, NO_SUSPECT, 0.05);
  private static final Mix SHOP = Mix.of(NO_SUSPECT, 0.45, COURT, 0.15, UNABLE, 0.15, LOCAL, 0.05, CAUTION, 0.04, PENALTY, 0.03,
      STATUS_UNAVAILABLE, 0.05, AWAITING, 0.03, ANOTHER_CASE, 0.05);
  private static final Mix ORDER = Mix.of(UNABLE, 0.40, NO_SUSPECT, 0.20, COURT, 0.15, LOCAL, 0.05, CAUTION, 0.05, AWAITING, 0.05,
      STATUS_UNAVAILABLE, 0.05, OTHER_ORGANISATION, 0.05);
  private static final Mix BURGLARIES = Mix.of(NO_SUSPECT, 0.72, UNABLE, 0.12, COURT, 0.06, STATUS_UNAVAILABLE, 0.03,
      AWAITING, 0.01, CAUTION, 0.005, LOCAL, 0.01, NOT_PUBLIC_INTEREST, 0.01, OTHER_ORGANISATION, 0.005, ANOTHER_CASE, 0.02,
      FORMAL_NOT_PUBLIC_INTEREST, 0.01);

  private Outcomes() {}

  /** Share of a month's records still under investigation, {@code monthsBeforeLast} months before the newest month. */
  static double stillOpen(int monthsBeforeLast) {
    return 0.55 * Math.exp(-monthsBeforeLast / 2.0);
  }

  /**
   * @param stillOpen the month's {@link #stillOpen} share
   * @return the outcome, or the empty string for anti-social behaviour
   */
  static String draw(CrimeType type, double stillOpen, SplittableRandom rng) {
    if (!type.hasCrimeId()) {
      return "";
    }
    if (rng.nextDouble() < stillOpen) {
      return UNDER_INVESTIGATION;
    }
    Mix mix = switch (type) {
      case BURGLARY -> BURGLARIES;
      case VIOLENCE_AND_SEXUAL_OFFENCES -> VIOLENT;
      case DRUGS, POSSESSION_OF_WEAPONS -> PROACTIVE;
      case SHOPLIFTING -> SHOP;
      case PUBLIC_ORDER, OTHER_CRIME -> ORDER;
      default -> UNSOLVED;
    };
    return mix.draw(rng.nextDouble());
  }
}
