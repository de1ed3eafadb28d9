package uk.patrolcast.launcher.bench;

import java.util.ArrayList;
import java.util.List;

/** A 2021 LSOA of the synthetic universe: where it is, who lives there, what it is like. */
final class Lsoa {
  /** Its position in the tiling (layout order). */
  final int leaf;
  final Rect rect;
  /** Position in code order. */
  int index;
  String code;
  String name;
  Ward ward;
  /** U unchanged since 2011, S split from a 2011 LSOA, M merged from two, X irregular change. */
  char change = 'U';
  /** The 2011 LSOAs it came from (one, or two for M and for the second LSOA of an X pair). */
  final List<Lsoa2011> parents = new ArrayList<>(1);
  /** Boundary: WGS84 lon, lat interleaved, rounded to 6 decimals, counter-clockwise, not closed. */
  double[] ring;
  double areaKm2;
  int population;
  /** Standardised latent characteristics (mean 0, sd 1 over the universe). */
  double urbanity;
  double deprivation;
  double crimeField;
  /** Universe indices of LSOAs sharing a stretch of boundary. */
  int[] neighbours;
  double centroidLon;
  double centroidLat;
  SnapPoint[] snaps;

  Lsoa(int leaf, Rect rect) {
    this.leaf = leaf;
    this.rect = rect;
  }

  Lad lad() {
    return ward.lad;
  }

  PoliceForce force() {
    return ward.lad.force;
  }
}
