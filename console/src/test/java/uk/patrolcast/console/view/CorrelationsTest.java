package uk.patrolcast.console.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorrelationsTest {

  @Test
  void pearsonOfAKnownSample() {
    double[] x = {1, 2, 3, 4, 5};
    double[] y = {2, 4, 5, 4, 5};
    // r = 6 / sqrt(10 * 6)
    assertThat(Correlations.pearson(x, y)).isCloseTo(6 / Math.sqrt(60), within(1e-12));
  }

  @Test
  void spearmanSeesAMonotoneCurveAsPerfectWherePearsonDoesNot() {
    double[] x = {1, 2, 3, 4, 5, 6};
    double[] y = {1, 4, 9, 16, 25, 1000};
    assertThat(Correlations.spearman(x, y)).isCloseTo(1.0, within(1e-12));
    assertThat(Correlations.pearson(x, y)).isLessThan(0.8);
  }

  @Test
  void tiesGetTheMeanOfTheirRanks() {
    assertThat(Correlations.ranks(new double[] {10, 20, 20, 30})).containsExactly(1, 2.5, 2.5, 4);
  }

  @Test
  void unknownValuesAreLeftOutPairwise() {
    double[] x = {1, 2, Double.NaN, 4, 5};
    double[] y = {1, 2, 100, 4, Double.NaN};
    assertThat(Correlations.count(x, y)).isEqualTo(3);
    assertThat(Correlations.pearson(x, y)).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void noSpreadOrTooFewPairsGiveNaN() {
    assertThat(Correlations.pearson(new double[] {1, 1, 1}, new double[] {1, 2, 3})).isNaN();
    assertThat(Correlations.pearson(new double[] {1, 2}, new double[] {1, 2})).isNaN();
  }

  @Test
  void tableHasEveryIodDomainAndCensusShareSortedByStrength() {
    List<AreaProfile> profiles = new ArrayList<>();
    double[] rate = new double[50];
    for (int i = 0; i < 50; i++) {
      double[] iod = new double[AreaProfile.IOD.size()];
      double[] census = new double[AreaProfile.CENSUS.size()];
      iod[0] = i;                       // imd rises with the rate
      census[3] = 50 - i;               // flats fall with it
      iod[5] = (i * 7919) % 50;         // crime: scrambled, weak
      profiles.add(new AreaProfile("E0" + i, "n", "w", "w", "b", "b", 1, 1000, 0, 0, 0, iod, census));
      rate[i] = i * 2.0;
    }
    List<Correlations.Row> rows = Correlations.table(profiles, rate);
    assertThat(rows).hasSize(AreaProfile.IOD.size() + AreaProfile.CENSUS.size());
    assertThat(rows.get(0).variable()).isIn("imd", "flats");
    assertThat(rows.get(1).variable()).isIn("imd", "flats");
    Correlations.Row flats = rows.stream().filter(r -> r.variable().equals("flats")).findFirst().orElseThrow();
    assertThat(flats.spearman()).isCloseTo(-1.0, within(1e-12));
    assertThat(flats.group()).isEqualTo("Census 2021");
    assertThat(flats.n()).isEqualTo(50);
  }
}
