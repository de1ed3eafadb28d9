package uk.patrolcast.console.view;

import java.util.List;
import uk.patrolcast.events.LsoaProfile;

/**
 * What the console keeps of an LSOA's reference data: names, ward and borough, size, and the IoD
 * 2019 domain scores and Census 2021 shares as plain arrays (see {@link #IOD} and {@link #CENSUS}).
 */
public record AreaProfile(
    String code,
    String name,
    String wardCode,
    String wardName,
    String boroughCode,
    String boroughName,
    double areaKm2,
    int population,
    double lat,
    double lon,
    int neighbours,
    double[] iod,
    double[] census) {

  /** IoD 2019 domains, in the order of {@link #iod()}. */
  public static final List<String> IOD =
      List.of("imd", "income", "employment", "education", "health", "crime", "housingBarriers", "livingEnvironment", "idaci", "idaopi");

  /** Census 2021 shares, in the order of {@link #census()}. */
  public static final List<String> CENSUS =
      List.of("owned", "socialRented", "privateRented", "flats", "detached", "semiDetached", "terraced", "overcrowded",
          "higherOccupations", "routineOccupations", "neverWorked", "students");

  public static AreaProfile of(LsoaProfile p) {
    var i = p.getIod();
    var c = p.getCensus();
    double[] iod = {i.getImd(), i.getIncome(), i.getEmployment(), i.getEducation(), i.getHealth(), i.getCrime(),
        i.getHousingBarriers(), i.getLivingEnvironment(), i.getIdaci(), i.getIdaopi()};
    double[] census = {c.getOwned(), c.getSocialRented(), c.getPrivateRented(), c.getFlats(), c.getDetached(),
        c.getSemiDetached(), c.getTerraced(), c.getOvercrowded(), c.getHigherOccupations(), c.getRoutineOccupations(),
        c.getNeverWorked(), c.getStudents()};
    return new AreaProfile(p.getLsoa21cd(), p.getName(), p.getWardCode(), p.getWardName(), p.getBoroughCode(),
        p.getBoroughName(), p.getAreaKm2(), p.getPopulation(), p.getCentroidLat(), p.getCentroidLon(),
        p.getNeighbours().size(), iod, census);
  }
}
