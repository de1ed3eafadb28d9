package uk.patrolcast.features.model;

import java.time.YearMonth;
import uk.patrolcast.events.CensusShares;
import uk.patrolcast.events.IodScores;
import uk.patrolcast.events.LsoaMonthFeatures;
import uk.patrolcast.events.LsoaProfile;
import uk.patrolcast.platform.config.Months;

/** Assembles one feature row from an area's profile, its own and its neighbours' features. */
public final class FeatureRows {
  private FeatureRows() {}

  /** Key of a row on {@code features.lsoa-month.v1}: {@code <lsoa21cd>:<YYYY-MM>}. */
  public static String key(String lsoa21cd, YearMonth month) {
    return lsoa21cd + ":" + Months.format(month);
  }

  /**
   * @param history months of data up to and including t
   * @param logRiskScore the area's static risk score, or null when none is known
   * @param monthRevision MonthClosed.revision of t
   * @param snapshotRevision SnapshotReady.revision of t this row belongs to
   */
  public static LsoaMonthFeatures row(
      YearMonth month,
      int history,
      LsoaProfile profile,
      LagFeatures own,
      NeighbourFeatures neighbours,
      Double logRiskScore,
      int monthRevision,
      int snapshotRevision) {
    IodScores iod = profile.getIod();
    CensusShares census = profile.getCensus();
    double area = profile.getAreaKm2();
    return LsoaMonthFeatures.newBuilder()
        .setLsoa21cd(profile.getLsoa21cd())
        .setMonth(Months.format(month))
        .setWardCode(profile.getWardCode())
        .setBoroughCode(profile.getBoroughCode())
        .setCount(own.count())
        .setHistory(history)
        .setLag1(own.lag1())
        .setLag2(own.lag2())
        .setLag3(own.lag3())
        .setLag6(own.lag6())
        .setLag12(own.lag12())
        .setMean3(own.mean3())
        .setMean6(own.mean6())
        .setMean12(own.mean12())
        .setMean24(own.mean24())
        .setTrend3(own.trend3())
        .setMonthsSinceLast(own.monthsSinceLast())
        .setMonthOfYear(month.getMonthValue())
        .setNeighbourCount(neighbours.neighbourCount())
        .setNbrLag1(neighbours.lag1())
        .setNbrLag2(neighbours.lag2())
        .setNbrLag3(neighbours.lag3())
        .setNbrLag6(neighbours.lag6())
        .setNbrLag12(neighbours.lag12())
        .setNbrMean3(neighbours.mean3())
        .setNbrMean6(neighbours.mean6())
        .setNbrMean12(neighbours.mean12())
        .setNbrMean24(neighbours.mean24())
        .setPopulation(profile.getPopulation())
        .setAreaKm2(area)
        // A profile without an area would divide by zero; 0 marks "unknown" rather than infinity.
        .setDensity(area > 0 ? profile.getPopulation() / area : 0.0)
        .setImd(iod.getImd())
        .setIncome(iod.getIncome())
        .setEmployment(iod.getEmployment())
        .setEducation(iod.getEducation())
        .setHealth(iod.getHealth())
        .setCrime(iod.getCrime())
        .setHousingBarriers(iod.getHousingBarriers())
        .setLivingEnvironment(iod.getLivingEnvironment())
        .setOwned(census.getOwned())
        .setSocialRented(census.getSocialRented())
        .setPrivateRented(census.getPrivateRented())
        .setFlats(census.getFlats())
        .setDetached(census.getDetached())
        .setOvercrowded(census.getOvercrowded())
        .setStudents(census.getStudents())
        .setLogRiskScore(logRiskScore)
        .setMonthRevision(monthRevision)
        .setSnapshotRevision(snapshotRevision)
        .build();
  }
}
