package uk.patrolcast.launcher.bench;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The anonymised map points of an LSOA: a dozen to a few dozen streets and places, with
 * heavy-tailed weights (a few streets draw much of an area's crime, as on real maps), each strictly
 * inside the LSOA's polygon after rounding to six decimals (so that harmonisation by point in
 * polygon is unambiguous).
 */
final class MapPoints {
  /** Minimum distance from a point to its polygon's boundary, in degrees (about 3 m). */
  static final double MARGIN_DEGREES = 3e-5;
  private static final double SPECIAL_SHARE = 0.10;
  private static final double BLANK_STREET_SHARE = 0.06;

  private MapPoints() {}

  static SnapPoint[] of(Lsoa lsoa, Plane plane, SplittableRandom rng) {
    int count = 10 + rng.nextInt(16) + (int) Math.round(3 * Math.log1p(lsoa.areaKm2));
    SnapPoint[] points = new SnapPoint[count];
    Set<String> streets = new HashSet<>();
    EnumSet<Place> placesUsed = EnumSet.of(Place.STREET);
    Place[] all = Place.values();
    for (int k = 0; k < count; k++) {
      Place place = Place.STREET;
      if (rng.nextDouble() < SPECIAL_SHARE && placesUsed.size() < all.length) {
        do {
          place = all[1 + rng.nextInt(all.length - 1)];
        } while (placesUsed.contains(place));
        placesUsed.add(place);
      }
      String street = place != Place.STREET || rng.nextDouble() < BLANK_STREET_SHARE ? "" : PlaceNames.street(rng, streets);
      double[] at = inside(lsoa, plane, rng);
      double weight = Math.exp(Seeds.gaussian(rng));
      points[k] = new SnapPoint(at[0], at[1], street, place, weight, parentOf(lsoa, plane.x(at[0]), at[1]));
    }
    return points;
  }

  /** A rounded point strictly inside the LSOA's polygon. */
  static double[] inside(Lsoa lsoa, Plane plane, SplittableRandom rng) {
    Rect r = lsoa.rect;
    for (int attempt = 0; attempt < 60; attempt++) {
      double x = r.x0() + r.width() * (0.05 + 0.9 * rng.nextDouble());
      double y = r.y0() + r.height() * (0.05 + 0.9 * rng.nextDouble());
      double[] p = {round6(plane.lon(x)), round6(y)};
      if (wellInside(lsoa.ring, p[0], p[1])) {
        return p;
      }
    }
    double[] centre = {round6(plane.lon(r.centreX())), round6(r.centreY())};
    if (!wellInside(lsoa.ring, centre[0], centre[1])) {
      throw new IllegalStateException("No point found inside LSOA " + lsoa.code + " (a bug in the tiling)");
    }
    return centre;
  }

  static boolean wellInside(double[] ring, double lon, double lat) {
    return Tiling.contains(ring, lon, lat) && Tiling.distanceToEdge(ring, lon, lat) > MARGIN_DEGREES;
  }

  /** Which 2011 predecessor a point lay in: the low half of the LSOA (along its longer side) was the first. */
  static int parentOf(Lsoa lsoa, double x, double y) {
    if (lsoa.parents.size() < 2) {
      return 0;
    }
    Rect r = lsoa.rect;
    boolean alongX = r.width() >= r.height();
    return (alongX ? x < r.centreX() : y < r.centreY()) ? 0 : 1;
  }

  static double round6(double v) {
    return Math.round(v * 1e6) / 1e6;
  }
}
