package uk.patrolcast.launcher.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The kind of universe to generate: its map (a latitude/longitude box of the right size), where
 * people live, how areas nest (LSOAs per ward and per local authority), and how much crime is
 * recorded per area and month.
 */
enum Profile {
  /** England and Wales: about 35,000 LSOAs over 151,000 km², 43 forces, ~500,000 records a month. */
  ENGLAND_WALES("england-wales", 35_000, 43, -4.6, 50.6, 1.4, 54.6, 108.0, 5.0, 500_000.0 / 35_000, 1_690, 0.25) {
    @Override
    List<Settlement> settlements(long seed) {
      List<Settlement> s = new ArrayList<>(List.of(
          Settlement.of("London", 51.51, -0.13, 8.8e6),
          Settlement.of("Birmingham", 52.48, -1.90, 2.5e6),
          Settlement.of("Manchester", 53.48, -2.24, 2.7e6),
          Settlement.of("Leeds", 53.80, -1.55, 1.9e6),
          Settlement.of("Liverpool", 53.41, -2.98, 0.9e6),
          Settlement.of("Sheffield", 53.38, -1.47, 0.75e6),
          Settlement.of("Newcastle", 54.97, -1.61, 0.8e6),
          Settlement.of("Bristol", 51.45, -2.59, 0.7e6),
          Settlement.of("Nottingham", 52.95, -1.15, 0.75e6),
          Settlement.of("Leicester", 52.64, -1.13, 0.55e6),
          Settlement.of("Cardiff", 51.48, -3.18, 0.5e6),
          Settlement.of("Southampton and Portsmouth", 50.87, -1.25, 0.85e6),
          Settlement.of("Brighton", 50.83, -0.14, 0.45e6),
          Settlement.of("Hull", 53.74, -0.33, 0.3e6),
          Settlement.of("Stoke", 53.00, -2.18, 0.4e6),
          Settlement.of("Coventry", 52.41, -1.51, 0.35e6),
          Settlement.of("Plymouth", 50.70, -4.14, 0.26e6),
          Settlement.of("Derby", 52.92, -1.48, 0.27e6),
          Settlement.of("Swansea", 51.62, -3.94, 0.3e6),
          Settlement.of("Reading", 51.45, -0.97, 0.35e6),
          Settlement.of("Milton Keynes", 52.04, -0.76, 0.27e6),
          Settlement.of("Norwich", 52.63, 1.30, 0.2e6),
          Settlement.of("Teesside", 54.57, -1.23, 0.4e6),
          Settlement.of("Preston and Blackburn", 53.76, -2.60, 0.5e6),
          Settlement.of("Oxford", 51.75, -1.26, 0.16e6),
          Settlement.of("Cambridge", 52.20, 0.12, 0.15e6),
          Settlement.of("Exeter", 50.72, -3.53, 0.13e6),
          Settlement.of("York", 53.96, -1.08, 0.2e6),
          Settlement.of("Ipswich", 52.06, 1.16, 0.15e6),
          Settlement.of("Luton", 51.88, -0.42, 0.25e6),
          Settlement.of("Bournemouth", 50.72, -1.88, 0.4e6),
          Settlement.of("Swindon", 51.56, -1.78, 0.2e6),
          Settlement.of("Gloucester and Cheltenham", 51.87, -2.20, 0.25e6),
          Settlement.of("Northampton", 52.24, -0.90, 0.22e6),
          Settlement.of("Peterborough", 52.57, -0.24, 0.2e6),
          Settlement.of("Lincoln", 53.23, -0.54, 0.1e6),
          Settlement.of("Wrexham", 53.05, -3.00, 0.1e6),
          Settlement.of("Southend and Chelmsford", 51.60, 0.60, 0.35e6),
          Settlement.of("Medway and Maidstone", 51.35, 0.50, 0.4e6),
          Settlement.of("Sunderland", 54.90, -1.38, 0.3e6)));
      // Market towns at random places: the long tail of the settlement-size distribution.
      SplittableRandom rng = Seeds.random(seed, Seeds.label("towns"));
      for (int i = 0; i < 220; i++) {
        double pop = 12_000 / Math.pow(1 - rng.nextDouble() * 0.97, 0.8);
        s.add(Settlement.of("town " + i, lat0 + rng.nextDouble() * (lat1 - lat0), lon0 + rng.nextDouble() * (lon1 - lon0),
            Math.min(pop, 150_000)));
      }
      return s;
    }
  },

  /** A London-like universe: 4,994 LSOAs over ~1,580 km², the Metropolitan Police and the City of London. */
  LONDON("london", 4_994, 2, -0.42, 51.34, 0.22, 51.66, 156.0, 7.3, 18.0, 1_763, 0.08) {
    @Override
    List<Settlement> settlements(long seed) {
      List<Settlement> s = new ArrayList<>();
      s.add(new Settlement("Central London", 51.510, -0.120, 3.2e6, 5.0));
      String[] names = {"Croydon", "Stratford", "Ealing", "Harrow", "Wembley", "Romford", "Bromley", "Kingston", "Sutton",
        "Enfield", "Barking", "Hounslow", "Wood Green", "Lewisham", "Brixton", "Hammersmith", "Ilford", "Uxbridge",
        "Bexleyheath", "Walthamstow", "Finchley", "Woolwich", "Wimbledon", "Tottenham"};
      double[][] at = {{51.372, -0.099}, {51.541, 0.003}, {51.513, -0.305}, {51.580, -0.334}, {51.552, -0.296},
        {51.575, 0.183}, {51.406, 0.014}, {51.412, -0.300}, {51.366, -0.194}, {51.652, -0.081}, {51.539, 0.081},
        {51.468, -0.361}, {51.597, -0.110}, {51.462, -0.010}, {51.462, -0.115}, {51.492, -0.223}, {51.559, 0.069},
        {51.546, -0.400}, {51.457, 0.143}, {51.583, -0.020}, {51.601, -0.193}, {51.490, 0.069}, {51.421, -0.206},
        {51.588, -0.068}};
      for (int i = 0; i < names.length; i++) {
        s.add(new Settlement(names[i], at[i][0], at[i][1], 2.2e5, 2.2));
      }
      return s;
    }
  };

  final String id;
  final int defaultLsoas;
  final int maxForces;
  final double lon0;
  final double lat0;
  final double lon1;
  final double lat1;
  /** Mean LSOAs per local authority district. */
  final double lsoasPerLad;
  /** Mean LSOAs per ward. */
  final double lsoasPerWard;
  /** Mean police.uk rows per LSOA and month at scale 1 (all crime types). */
  final double rowsPerLsoaMonth;
  /** Mean residents per LSOA. */
  final int meanPopulation;
  /** Share of the population living outside the settlements. */
  final double ruralShare;

  Profile(String id, int defaultLsoas, int maxForces, double lon0, double lat0, double lon1, double lat1, double lsoasPerLad,
      double lsoasPerWard, double rowsPerLsoaMonth, int meanPopulation, double ruralShare) {
    this.id = id;
    this.defaultLsoas = defaultLsoas;
    this.maxForces = maxForces;
    this.lon0 = lon0;
    this.lat0 = lat0;
    this.lon1 = lon1;
    this.lat1 = lat1;
    this.lsoasPerLad = lsoasPerLad;
    this.lsoasPerWard = lsoasPerWard;
    this.rowsPerLsoaMonth = rowsPerLsoaMonth;
    this.meanPopulation = meanPopulation;
    this.ruralShare = ruralShare;
  }

  /** Where people live, before scaling to the universe's population. */
  abstract List<Settlement> settlements(long seed);

  Plane plane() {
    return new Plane((lat0 + lat1) / 2);
  }

  /** The map's box in plane coordinates. */
  Rect box() {
    Plane p = plane();
    return new Rect(p.x(lon0), lat0, p.x(lon1), lat1);
  }

  static Profile parse(String text) {
    for (Profile p : values()) {
      if (p.id.equals(text.trim().toLowerCase(Locale.ROOT))) {
        return p;
      }
    }
    throw new IllegalArgumentException("Unknown profile '" + text + "': use england-wales or london");
  }

  @Override
  public String toString() {
    return id;
  }
}
