package uk.patrolcast.launcher.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * The boundaries of a guillotine tiling of rectangles, made to look drawn rather than ruled and
 * to tile exactly. Each side of a rectangle is broken at the corners of the rectangles across it,
 * into elementary segments that the two neighbours share; each elementary segment is bent by a
 * small midpoint displacement computed from its two end points alone, so both neighbours draw
 * the same bent line and touch along it without gap or overlap. Bends stay within 5% of a
 * segment's length off the straight line and leave its ends at under 12°, which (with pieces no
 * longer than about 3.3 times their width) cannot make lines cross. Boundaries of unions of
 * rectangles (wards, authorities) are traced from the same segments, so they match the LSOAs'
 * exactly.
 */
final class Tiling {
  static final double BEND = 0.05;
  static final double MIN_BENT_LENGTH = Plane.units(30);
  static final int BOTTOM = 0;
  static final int RIGHT = 1;
  static final int TOP = 2;
  static final int LEFT = 3;

  private final Rect[] rects;
  private final long seed;
  /** [leaf][side]: break points along the side, ascending (x for bottom/top, y for left/right). */
  private final double[][][] breaks;
  /** [leaf][side][segment]: the leaf across that elementary segment, or -1 at the map's edge. */
  private final int[][][] across;

  private Tiling(Rect[] rects, long seed) {
    this.rects = rects;
    this.seed = seed;
    this.breaks = new double[rects.length][4][];
    this.across = new int[rects.length][4][];
  }

  static Tiling of(List<Rect> rects, long seed) {
    Tiling t = new Tiling(rects.toArray(new Rect[0]), seed);
    t.build();
    return t;
  }

  private void build() {
    Map<Double, List<Integer>> byX0 = new HashMap<>();
    Map<Double, List<Integer>> byX1 = new HashMap<>();
    Map<Double, List<Integer>> byY0 = new HashMap<>();
    Map<Double, List<Integer>> byY1 = new HashMap<>();
    for (int i = 0; i < rects.length; i++) {
      Rect r = rects[i];
      byX0.computeIfAbsent(r.x0(), k -> new ArrayList<>()).add(i);
      byX1.computeIfAbsent(r.x1(), k -> new ArrayList<>()).add(i);
      byY0.computeIfAbsent(r.y0(), k -> new ArrayList<>()).add(i);
      byY1.computeIfAbsent(r.y1(), k -> new ArrayList<>()).add(i);
    }
    Map<Double, int[]> x0 = sorted(byX0, false);
    Map<Double, int[]> x1 = sorted(byX1, false);
    Map<Double, int[]> y0 = sorted(byY0, true);
    Map<Double, int[]> y1 = sorted(byY1, true);
    for (int i = 0; i < rects.length; i++) {
      Rect r = rects[i];
      side(i, BOTTOM, r.x0(), r.x1(), y1.get(r.y0()), true);
      side(i, TOP, r.x0(), r.x1(), y0.get(r.y1()), true);
      side(i, LEFT, r.y0(), r.y1(), x1.get(r.x0()), false);
      side(i, RIGHT, r.y0(), r.y1(), x0.get(r.x1()), false);
    }
  }

  /** Leaves on each line, sorted by where they start along it (they do not overlap, so also by end). */
  private Map<Double, int[]> sorted(Map<Double, List<Integer>> lines, boolean alongX) {
    Map<Double, int[]> out = new HashMap<>();
    lines.forEach((k, v) -> out.put(k, v.stream()
        .sorted((a, b) -> Double.compare(alongX ? rects[a].x0() : rects[a].y0(), alongX ? rects[b].x0() : rects[b].y0()))
        .mapToInt(Integer::intValue).toArray()));
    return out;
  }

  private void side(int leaf, int side, double from, double to, int[] others, boolean alongX) {
    TreeSet<Double> points = new TreeSet<>();
    points.add(from);
    points.add(to);
    List<Integer> touching = new ArrayList<>();
    if (others != null) {
      int lo = 0;
      int hi = others.length;
      while (lo < hi) { // first other that ends after `from`
        int mid = (lo + hi) >>> 1;
        if (end(others[mid], alongX) <= from) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      for (int k = lo; k < others.length && start(others[k], alongX) < to; k++) {
        int o = others[k];
        touching.add(o);
        if (start(o, alongX) > from) {
          points.add(start(o, alongX));
        }
        if (end(o, alongX) < to) {
          points.add(end(o, alongX));
        }
      }
    }
    double[] b = points.stream().mapToDouble(Double::doubleValue).toArray();
    int[] a = new int[b.length - 1];
    for (int s = 0; s < a.length; s++) {
      double mid = (b[s] + b[s + 1]) / 2;
      a[s] = -1;
      for (int o : touching) {
        if (start(o, alongX) < mid && mid < end(o, alongX)) {
          a[s] = o;
          break;
        }
      }
    }
    breaks[leaf][side] = b;
    across[leaf][side] = a;
  }

  private double start(int leaf, boolean alongX) {
    return alongX ? rects[leaf].x0() : rects[leaf].y0();
  }

  private double end(int leaf, boolean alongX) {
    return alongX ? rects[leaf].x1() : rects[leaf].y1();
  }

  int size() {
    return rects.length;
  }

  /** Leaves sharing a stretch of boundary with {@code leaf}, ascending. */
  int[] neighbours(int leaf) {
    TreeSet<Integer> n = new TreeSet<>();
    for (int side = 0; side < 4; side++) {
      for (int o : across[leaf][side]) {
        if (o >= 0) {
          n.add(o);
        }
      }
    }
    return n.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The boundary of one leaf: plane x, y interleaved, counter-clockwise, not closed. */
  double[] ring(int leaf) {
    List<double[]> segments = new ArrayList<>();
    directedSegments(leaf, segments, null);
    Ring out = new Ring();
    for (double[] s : segments) {
      out.add(s);
    }
    return out.points();
  }

  /**
   * The boundary of a union of leaves, as polygons (each a list of rings: the shell
   * counter-clockwise, then its holes clockwise), plane coordinates.
   */
  List<List<double[]>> outline(int[] members) {
    boolean[] in = new boolean[rects.length];
    for (int m : members) {
      in[m] = true;
    }
    List<double[]> boundary = new ArrayList<>();
    for (int m : members) {
      directedSegments(m, boundary, in);
    }
    Map<Point, List<double[]>> byStart = new LinkedHashMap<>();
    for (double[] s : boundary) {
      byStart.computeIfAbsent(new Point(s[0], s[1]), k -> new ArrayList<>()).add(s);
    }
    List<List<double[]>> rings = new ArrayList<>();
    for (double[] first : boundary) {
      if (first[4] != 0) {
        continue; // already used
      }
      List<double[]> ring = new ArrayList<>();
      double[] s = first;
      while (s != null && s[4] == 0) {
        s[4] = 1;
        ring.add(s);
        s = next(s, byStart.get(new Point(s[2], s[3])));
      }
      rings.add(ring);
    }
    List<double[]> shells = new ArrayList<>();
    List<double[]> holes = new ArrayList<>();
    for (List<double[]> segs : rings) {
      Ring r = new Ring();
      for (double[] s : segs) {
        r.add(s);
      }
      double[] pts = r.points();
      (signedArea(straight(segs)) > 0 ? shells : holes).add(pts);
    }
    List<List<double[]>> polygons = new ArrayList<>();
    for (double[] shell : shells) {
      polygons.add(new ArrayList<>(List.of(shell)));
    }
    for (double[] hole : holes) {
      for (int p = 0; p < shells.size(); p++) {
        if (contains(shells.get(p), hole[0], hole[1])) {
          polygons.get(p).add(hole);
          break;
        }
      }
    }
    return polygons;
  }

  private record Point(double x, double y) {}

  /** At a vertex where the boundary passes twice, takes the sharpest left turn, so rings stay simple. */
  private static double[] next(double[] in, List<double[]> candidates) {
    if (candidates == null) {
      return null;
    }
    double[] best = null;
    double bestTurn = -10;
    double ix = in[2] - in[0];
    double iy = in[3] - in[1];
    for (double[] c : candidates) {
      if (c[4] != 0) {
        continue;
      }
      double ox = c[2] - c[0];
      double oy = c[3] - c[1];
      double turn = Math.atan2(ix * oy - iy * ox, ix * ox + iy * oy);
      if (turn > bestTurn) {
        bestTurn = turn;
        best = c;
      }
    }
    return best;
  }

  /**
   * Appends the leaf's elementary segments in counter-clockwise order as {x0, y0, x1, y1, used};
   * with {@code members}, only those on the union's boundary.
   */
  private void directedSegments(int leaf, List<double[]> out, boolean[] members) {
    Rect r = rects[leaf];
    for (int side : new int[] {BOTTOM, RIGHT, TOP, LEFT}) {
      double[] b = breaks[leaf][side];
      int[] a = across[leaf][side];
      boolean ascending = side == BOTTOM || side == RIGHT;
      for (int k = 0; k < a.length; k++) {
        int s = ascending ? k : a.length - 1 - k;
        if (members != null && a[s] >= 0 && members[a[s]]) {
          continue;
        }
        double from = ascending ? b[s] : b[s + 1];
        double to = ascending ? b[s + 1] : b[s];
        out.add(switch (side) {
          case BOTTOM -> new double[] {from, r.y0(), to, r.y0(), 0};
          case TOP -> new double[] {from, r.y1(), to, r.y1(), 0};
          case RIGHT -> new double[] {r.x1(), from, r.x1(), to, 0};
          default -> new double[] {r.x0(), from, r.x0(), to, 0};
        });
      }
    }
  }

  /** Ring points, each segment's start followed by its bends. */
  private final class Ring {
    private double[] pts = new double[64];
    private int n;

    void add(double[] segment) {
      put(segment[0], segment[1]);
      double[] bends = bends(segment[0], segment[1], segment[2], segment[3]);
      for (int i = 0; i < bends.length; i += 2) {
        put(bends[i], bends[i + 1]);
      }
    }

    private void put(double x, double y) {
      if (n + 2 > pts.length) {
        pts = Arrays.copyOf(pts, pts.length * 2);
      }
      pts[n++] = x;
      pts[n++] = y;
    }

    double[] points() {
      return Arrays.copyOf(pts, n);
    }
  }

  /**
   * The bend points of the segment a → b (x, y interleaved, in that direction). Computed from the
   * segment in a canonical direction, so a → b and b → a bend identically.
   */
  double[] bends(double ax, double ay, double bx, double by) {
    boolean swap = ax > bx || (ax == bx && ay > by);
    double px = swap ? bx : ax;
    double py = swap ? by : ay;
    double qx = swap ? ax : bx;
    double qy = swap ? ay : by;
    double dx = qx - px;
    double dy = qy - py;
    if (dx * dx + dy * dy < MIN_BENT_LENGTH * MIN_BENT_LENGTH) {
      return new double[0];
    }
    SplittableRandom rng = Seeds.random(seed, Seeds.label("bend"), Double.doubleToLongBits(px), Double.doubleToLongBits(py),
        Double.doubleToLongBits(qx), Double.doubleToLongBits(qy));
    double mid = BEND * (2 * rng.nextDouble() - 1);
    double first = mid / 2 + BEND / 2 * (2 * rng.nextDouble() - 1);
    double third = mid / 2 + BEND / 2 * (2 * rng.nextDouble() - 1);
    double[] t = {0.25, 0.5, 0.75};
    double[] o = {first, mid, third};
    double[] out = new double[6];
    for (int i = 0; i < 3; i++) {
      int k = swap ? 2 - i : i;
      out[2 * i] = px + t[k] * dx - o[k] * dy;
      out[2 * i + 1] = py + t[k] * dy + o[k] * dx;
    }
    return out;
  }

  private static double[] straight(List<double[]> segs) {
    double[] p = new double[segs.size() * 2];
    for (int i = 0; i < segs.size(); i++) {
      p[2 * i] = segs.get(i)[0];
      p[2 * i + 1] = segs.get(i)[1];
    }
    return p;
  }

  static double signedArea(double[] ring) {
    int n = ring.length / 2;
    double twice = 0;
    for (int i = 0; i < n; i++) {
      int j = (i + 1) % n;
      twice += ring[2 * i] * ring[2 * j + 1] - ring[2 * j] * ring[2 * i + 1];
    }
    return twice / 2;
  }

  /** Even-odd point-in-ring test (x, y interleaved, not closed). */
  static boolean contains(double[] ring, double x, double y) {
    int n = ring.length / 2;
    boolean inside = false;
    for (int i = 0, j = n - 1; i < n; j = i++) {
      double xi = ring[2 * i];
      double yi = ring[2 * i + 1];
      double xj = ring[2 * j];
      double yj = ring[2 * j + 1];
      if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
        inside = !inside;
      }
    }
    return inside;
  }

  /** Distance from a point to the nearest edge of a ring (same units). */
  static double distanceToEdge(double[] ring, double x, double y) {
    int n = ring.length / 2;
    double best = Double.POSITIVE_INFINITY;
    for (int i = 0, j = n - 1; i < n; j = i++) {
      double ax = ring[2 * j];
      double ay = ring[2 * j + 1];
      double bx = ring[2 * i];
      double by = ring[2 * i + 1];
      double dx = bx - ax;
      double dy = by - ay;
      double len2 = dx * dx + dy * dy;
      double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2));
      double ex = x - ax - t * dx;
      double ey = y - ay - t * dy;
      best = Math.min(best, ex * ex + ey * ey);
    }
    return Math.sqrt(best);
  }
}
