package uk.patrolcast.forecast.model;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Rolling-origin validation before a training cut-off T: fold k trains on counts up to
 * {@code T - window - k·step} and validates on the {@code window} months after that, so every
 * validation month is at or before T (never an evaluation month) and fold 0's window is the latest
 * one, ending at T.
 *
 * @param folds number of folds
 * @param stepMonths months between fold cut-offs
 * @param windowMonths validation months per fold (also the horizons validated recursively)
 */
public record ValidationScheme(int folds, int stepMonths, int windowMonths) {
  public ValidationScheme {
    if (folds < 1 || stepMonths < 1 || windowMonths < 1 || windowMonths > 12) {
      throw new IllegalArgumentException("Validation needs folds >= 1, step >= 1 and a window of 1..12 months");
    }
  }

  public static ValidationScheme standard() {
    return new ValidationScheme(3, 6, 12);
  }

  /** The folds' training cut-offs, latest first. */
  public List<YearMonth> cutoffs(YearMonth trainUntil) {
    List<YearMonth> out = new ArrayList<>();
    for (int k = 0; k < folds; k++) {
      out.add(trainUntil.minusMonths(windowMonths + (long) k * stepMonths));
    }
    return out;
  }

  /** Months of history needed before the earliest fold's training rows can start. */
  public int monthsBefore() {
    return windowMonths + (folds - 1) * stepMonths;
  }
}
