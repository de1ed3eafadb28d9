package uk.patrolcast.launcher.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a force's police.uk rows that do not change from month to month, encoded once:
 * per LSOA (in the order police.uk lists them, by name) its code and name under both vintages,
 * and per map point its "longitude,latitude,On or near ..." text, 2011 parent and weight.
 */
final class ForceRows {
  /** One LSOA's parts. */
  static final class Area {
    final int lsoa;
    final byte[] code2021;
    final byte[][] code2011;
    final byte[][] points;
    final int[] parentOfPoint;
    final double[] cumulative;
    /** [Place.Draw ordinal]: points of places that draw that kind of crime. */
    final int[][] byDraw;

    Area(Lsoa l) {
      lsoa = l.index;
      code2021 = bytes(l.code + "," + l.name + ",");
      code2011 = new byte[l.parents.size()][];
      for (int p = 0; p < code2011.length; p++) {
        code2011[p] = bytes(l.parents.get(p).code + "," + l.parents.get(p).name + ",");
      }
      int n = l.snaps.length;
      points = new byte[n][];
      parentOfPoint = new int[n];
      cumulative = new double[n];
      double total = 0;
      List<List<Integer>> draws = new ArrayList<>();
      for (int d = 0; d < Place.Draw.values().length; d++) {
        draws.add(new ArrayList<>());
      }
      for (int k = 0; k < n; k++) {
        SnapPoint s = l.snaps[k];
        points[k] = bytes(Numbers.coordinate(s.lon()) + "," + Numbers.coordinate(s.lat()) + "," + s.location() + ",");
        parentOfPoint[k] = s.parent();
        total += s.weight();
        cumulative[k] = total;
        if (s.place() != Place.STREET) {
          draws.get(s.place().draw.ordinal()).add(k);
        }
      }
      for (int k = 0; k < n; k++) {
        cumulative[k] /= total;
      }
      byDraw = draws.stream().map(list -> list.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    }

    /** A map point for a record of this type: a place of its kind now and then, else by weight. */
    int point(CrimeType type, double u1, double u2) {
      int[] kind = byDraw[type.draw.ordinal()];
      if (kind.length > 0 && u1 < type.drawChance) {
        return kind[(int) (u2 * kind.length)];
      }
      int lo = 0;
      int hi = cumulative.length - 1;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (cumulative[mid] <= u2) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }
  }

  final PoliceForce force;
  final int forceIndex;
  final Area[] areas;

  ForceRows(Universe u, int forceIndex) {
    this.force = u.forces.get(forceIndex);
    this.forceIndex = forceIndex;
    this.areas = u.lsoasOf(force).stream().map(Area::new).toArray(Area[]::new);
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
