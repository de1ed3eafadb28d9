package uk.patrolcast.launcher.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import uk.patrolcast.launcher.bench.PoliceForce.Kind;

/**
 * The 43 territorial forces of England and Wales, with mid-2021 populations (millions, rounded), an
 * approximate centre and a relative crime level. The City of London is given the population share of
 * its six LSOAs, so that it comes out as the small enclave it is.
 */
final class PoliceForces {
  static final String METROPOLITAN = "metropolitan";
  static final String CITY_OF_LONDON = "city-of-london";

  static final List<PoliceForce> ALL = List.of(
      new PoliceForce("avon-and-somerset", "Avon and Somerset Constabulary", 1.75, 51.20, -2.80, Kind.SHIRE, 0.95),
      new PoliceForce("bedfordshire", "Bedfordshire Police", 0.69, 52.05, -0.45, Kind.SHIRE, 1.00),
      new PoliceForce("cambridgeshire", "Cambridgeshire Constabulary", 0.89, 52.35, 0.05, Kind.SHIRE, 0.95),
      new PoliceForce("cheshire", "Cheshire Constabulary", 1.08, 53.20, -2.55, Kind.SHIRE, 0.90),
      new PoliceForce(CITY_OF_LONDON, "City of London Police", 0.01, 51.515, -0.092, Kind.LONDON, 3.00),
      new PoliceForce("cleveland", "Cleveland Police", 0.57, 54.57, -1.20, Kind.SHIRE, 1.35),
      new PoliceForce("cumbria", "Cumbria Constabulary", 0.50, 54.55, -3.05, Kind.SHIRE, 0.85),
      new PoliceForce("derbyshire", "Derbyshire Constabulary", 1.05, 53.10, -1.60, Kind.SHIRE, 0.90),
      new PoliceForce("devon-and-cornwall", "Devon & Cornwall Police", 1.80, 50.60, -4.20, Kind.SHIRE, 0.80),
      new PoliceForce("dorset", "Dorset Police", 0.78, 50.80, -2.30, Kind.SHIRE, 0.85),
      new PoliceForce("durham", "Durham Constabulary", 0.64, 54.70, -1.75, Kind.SHIRE, 1.10),
      new PoliceForce("dyfed-powys", "Dyfed-Powys Police", 0.52, 52.10, -4.00, Kind.WALES, 0.70),
      new PoliceForce("essex", "Essex Police", 1.86, 51.80, 0.55, Kind.SHIRE, 0.95),
      new PoliceForce("gloucestershire", "Gloucestershire Constabulary", 0.65, 51.85, -2.20, Kind.SHIRE, 0.85),
      new PoliceForce("greater-manchester", "Greater Manchester Police", 2.87, 53.50, -2.30, Kind.METROPOLITAN_COUNTY, 1.20),
      new PoliceForce("gwent", "Gwent Police", 0.60, 51.70, -3.00, Kind.WALES, 1.00),
      new PoliceForce("hampshire", "Hampshire Constabulary", 2.00, 51.00, -1.30, Kind.SHIRE, 0.90),
      new PoliceForce("hertfordshire", "Hertfordshire Constabulary", 1.20, 51.80, -0.25, Kind.SHIRE, 0.85),
      new PoliceForce("humberside", "Humberside Police", 0.93, 53.75, -0.40, Kind.SHIRE, 1.10),
      new PoliceForce("kent", "Kent Police", 1.87, 51.20, 0.75, Kind.SHIRE, 1.00),
      new PoliceForce("lancashire", "Lancashire Constabulary", 1.53, 53.85, -2.60, Kind.SHIRE, 1.05),
      new PoliceForce("leicestershire", "Leicestershire Police", 1.10, 52.65, -1.10, Kind.SHIRE, 0.90),
      new PoliceForce("lincolnshire", "Lincolnshire Police", 0.77, 53.10, -0.20, Kind.SHIRE, 0.85),
      new PoliceForce("merseyside", "Merseyside Police", 1.43, 53.45, -2.95, Kind.METROPOLITAN_COUNTY, 1.10),
      new PoliceForce(METROPOLITAN, "Metropolitan Police Service", 8.80, 51.50, -0.12, Kind.LONDON, 1.25),
      new PoliceForce("norfolk", "Norfolk Constabulary", 0.92, 52.65, 1.00, Kind.SHIRE, 0.80),
      new PoliceForce("north-wales", "North Wales Police", 0.70, 53.05, -3.70, Kind.WALES, 0.90),
      new PoliceForce("north-yorkshire", "North Yorkshire Police", 0.83, 54.10, -1.40, Kind.SHIRE, 0.75),
      new PoliceForce("northamptonshire", "Northamptonshire Police", 0.79, 52.30, -0.85, Kind.SHIRE, 0.95),
      new PoliceForce("northumbria", "Northumbria Police", 1.47, 55.10, -1.80, Kind.METROPOLITAN_COUNTY, 1.10),
      new PoliceForce("nottinghamshire", "Nottinghamshire Police", 1.17, 53.10, -1.00, Kind.SHIRE, 1.00),
      new PoliceForce("south-wales", "South Wales Police", 1.34, 51.60, -3.50, Kind.WALES, 1.00),
      new PoliceForce("south-yorkshire", "South Yorkshire Police", 1.40, 53.50, -1.30, Kind.METROPOLITAN_COUNTY, 1.15),
      new PoliceForce("staffordshire", "Staffordshire Police", 1.13, 52.85, -2.05, Kind.SHIRE, 0.90),
      new PoliceForce("suffolk", "Suffolk Constabulary", 0.76, 52.20, 1.00, Kind.SHIRE, 0.80),
      new PoliceForce("surrey", "Surrey Police", 1.20, 51.25, -0.40, Kind.SHIRE, 0.70),
      new PoliceForce("sussex", "Sussex Police", 1.72, 50.95, -0.30, Kind.SHIRE, 0.90),
      new PoliceForce("thames-valley", "Thames Valley Police", 2.43, 51.70, -1.00, Kind.SHIRE, 0.90),
      new PoliceForce("warwickshire", "Warwickshire Police", 0.60, 52.30, -1.55, Kind.SHIRE, 0.85),
      new PoliceForce("west-mercia", "West Mercia Police", 1.30, 52.30, -2.60, Kind.SHIRE, 0.85),
      new PoliceForce("west-midlands", "West Midlands Police", 2.92, 52.50, -1.90, Kind.METROPOLITAN_COUNTY, 1.15),
      new PoliceForce("west-yorkshire", "West Yorkshire Police", 2.35, 53.75, -1.70, Kind.METROPOLITAN_COUNTY, 1.25),
      new PoliceForce("wiltshire", "Wiltshire Police", 0.73, 51.30, -1.90, Kind.SHIRE, 0.80));

  private PoliceForces() {}

  /**
   * The first {@code n} forces in selection order: the Metropolitan Police and the City of London
   * first (so that London and its enclave are there from n = 2), then the others by population.
   */
  static List<PoliceForce> first(int n) {
    if (n < 1 || n > ALL.size()) {
      throw new IllegalArgumentException("--forces must be between 1 and " + ALL.size() + " (the territorial forces of England and Wales), not " + n);
    }
    List<PoliceForce> ordered = new ArrayList<>();
    ordered.add(bySlug(METROPOLITAN));
    ordered.add(bySlug(CITY_OF_LONDON));
    ALL.stream()
        .filter(f -> !f.slug().equals(METROPOLITAN) && !f.slug().equals(CITY_OF_LONDON))
        .sorted(Comparator.comparingDouble(PoliceForce::populationMillions).reversed().thenComparing(PoliceForce::slug))
        .forEach(ordered::add);
    List<PoliceForce> chosen = new ArrayList<>(ordered.subList(0, n));
    chosen.sort(Comparator.comparing(PoliceForce::slug));
    return chosen;
  }

  static PoliceForce bySlug(String slug) {
    return ALL.stream().filter(f -> f.slug().equals(slug)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No force with slug " + slug));
  }
}
