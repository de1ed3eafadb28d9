package uk.patrolcast.forecast.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import uk.patrolcast.forecast.SyntheticData;
import uk.patrolcast.forecast.data.AreaProfiles;
import uk.patrolcast.forecast.data.CountHistory;
import uk.patrolcast.forecast.data.FeatureTable;

class RiskRegressionTest {

  /** 600 areas of 1,000 residents whose yearly rate per 1,000 is exp(2 + 1.2·crime - 0.8·owned). */
  private static FeatureTable table(int months) {
    SplittableRandom r = new SplittableRandom(8);
    int n = 600;
    String[] codes = new String[n];
    String[] wards = new String[n];
    double[][] statics = new double[n][AreaProfiles.STATIC_FEATURES.size()];
    double[] monthly = new double[n];
    for (int i = 0; i < n; i++) {
      codes[i] = String.format("E01%06d", i);
      wards[i] = "W" + i / 5;
      double[] s = statics[i];
      for (int f = 0; f < s.length; f++) {
        s[f] = r.nextDouble();
      }
      s[0] = 1000;
      s[1] = 0.2 + r.nextDouble();
      s[2] = 1000 / s[1];
      double crime = s[AreaProfiles.STATIC_FEATURES.indexOf("crime")];
      double owned = s[AreaProfiles.STATIC_FEATURES.indexOf("owned")];
      monthly[i] = Math.exp(2 + 1.2 * crime - 0.8 * owned) / 12;
    }
    int[][] counts = new int[months][n];
    for (int m = 0; m < months; m++) {
      for (int i = 0; i < n; i++) {
        counts[m][i] = SyntheticData.poisson(r, monthly[i]);
      }
    }
    int[][] nb = new int[n][0];
    return new FeatureTable(new AreaProfiles(codes, wards, wards, nb, statics), new CountHistory(YearMonth.of(2020, 1), counts), new int[months]);
  }

  @Test
  void recoversTheCoefficientsOfAKnownLogLinearRate() {
    FeatureTable t = table(48);
    RiskFit fit = RiskRegression.fit(t, YearMonth.of(2023, 12), 36);
    assertThat(fit.from()).isEqualTo(YearMonth.of(2021, 1));
    assertThat(fit.observations()).isEqualTo(600);
    assertThat(fit.terms()).hasSize(RiskRegression.TERMS.size() + 1);
    RiskFit.Term crime = term(fit, "crime");
    RiskFit.Term owned = term(fit, "owned");
    assertThat(crime.estimate()).isCloseTo(1.2, within(0.15));
    assertThat(owned.estimate()).isCloseTo(-0.8, within(0.15));
    assertThat(crime.pValue()).isLessThan(1e-10);
    assertThat(crime.tValue()).isCloseTo(crime.estimate() / crime.stdError(), within(1e-9));
    assertThat(term(fit, "income").pValue()).isGreaterThan(0.001);
    assertThat(fit.r2()).isGreaterThan(0.5);
    assertThat(fit.adjustedR2()).isLessThan(fit.r2());
    // The back-transformed score is the exponential of the log score.
    assertThat(fit.expRisk(7)).isCloseTo(Math.exp(fit.logRisk()[7]), within(1e-12));
  }

  @Test
  void usesOnlyTheWindowEndingAtTheCutoff() {
    FeatureTable t = table(48);
    RiskFit a = RiskRegression.fit(t, YearMonth.of(2022, 12), 24);
    RiskFit b = RiskRegression.fit(t.upTo(YearMonth.of(2022, 12)), YearMonth.of(2022, 12), 24);
    assertThat(a.logRisk()).containsExactly(b.logRisk());
    assertThat(a.from()).isEqualTo(YearMonth.of(2021, 1));
  }

  private static RiskFit.Term term(RiskFit fit, String name) {
    return fit.terms().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
  }
}
