package uk.patrolcast.console;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import uk.patrolcast.events.AreaType;
import uk.patrolcast.events.CensusShares;
import uk.patrolcast.events.Forecast;
import uk.patrolcast.events.HorizonForecast;
import uk.patrolcast.events.IodScores;
import uk.patrolcast.events.LsoaMonthFeatures;
import uk.patrolcast.events.LsoaProfile;

/** Small, valid events for the console's tests (every required field set). */
public final class TestEvents {
  private TestEvents() {}

  public static LsoaProfile profile(String code, String ward) {
    return LsoaProfile.newBuilder().setLsoa21cd(code).setName(code + " name").setWardCode(ward).setWardName(ward + " name")
        .setBoroughCode("E09000001").setBoroughName("City").setAreaKm2(1).setPopulation(1000).setCentroidLat(51.5)
        .setCentroidLon(-0.1).setNeighbours(List.of()).setNeighbourMethod("none")
        .setIod(IodScores.newBuilder().setImd(1).setIncome(0.1).setEmployment(0.1).setEducation(1).setHealth(0).setCrime(0)
            .setHousingBarriers(1).setLivingEnvironment(1).setIdaci(0.1).setIdaopi(0.1).build())
        .setCensus(CensusShares.newBuilder().setOwned(0.5).setSocialRented(0.2).setPrivateRented(0.3).setFlats(0.5)
            .setDetached(0).setSemiDetached(0.2).setTerraced(0.3).setOvercrowded(0.1).setHigherOccupations(0.3)
            .setRoutineOccupations(0.2).setNeverWorked(0.05).setStudents(0.1).build())
        .setSources("test").build();
  }

  public static LsoaMonthFeatures features(String code, String ward, String month, int count) {
    return LsoaMonthFeatures.newBuilder().setLsoa21cd(code).setMonth(month).setWardCode(ward).setBoroughCode("E09000001")
        .setCount(count).setHistory(1).setMonthOfYear(Integer.parseInt(month.substring(5))).setNeighbourCount(0)
        .setPopulation(1000).setAreaKm2(1).setDensity(1000).setImd(1).setIncome(0).setEmployment(0).setEducation(0)
        .setHealth(0).setCrime(0).setHousingBarriers(0).setLivingEnvironment(0).setOwned(0).setSocialRented(0)
        .setPrivateRented(0).setFlats(0).setDetached(0).setOvercrowded(0).setStudents(0).setMonthRevision(1)
        .setSnapshotRevision(1).setLag1(count).build();
  }

  public static Forecast forecast(String code, String origin, double... predicted) {
    List<HorizonForecast> h = new ArrayList<>();
    java.time.YearMonth o = java.time.YearMonth.parse(origin);
    for (int i = 0; i < predicted.length; i++) {
      h.add(HorizonForecast.newBuilder().setHorizon(i + 1).setTargetMonth(o.plusMonths(i + 1).toString())
          .setPredicted(predicted[i]).setLower80(predicted[i] - 1).setUpper80(predicted[i] + 1).build());
    }
    return Forecast.newBuilder().setAreaType(AreaType.LSOA).setAreaCode(code).setWardCode("W1").setBoroughCode("E09000001")
        .setOriginMonth(origin).setDataRevision(1).setModelVersion("m1").setHorizons(h).setDrivers(List.of())
        .setIntervalMethod("test").setCreatedAt(Instant.EPOCH).build();
  }
}
