package uk.patrolcast.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The layout and the boundaries drawn from it: exact counts, bounded shapes, shared bent edges, traced outlines. */
class TilingTest {
  private static final Plane PLANE = Profile.ENGLAND_WALES.plane();
  private static final Rect BOX = Profile.ENGLAND_WALES.box();

  private static Partition layout(int lsoas, int forces) {
    GeneratorOptions o = new GeneratorOptions(Profile.ENGLAND_WALES, lsoas, forces, 1, YearMonth.of(2020, 1), 3, 1, 1, 1);
    List<Settlement> towns = Profile.ENGLAND_WALES.settlements(3).stream().map(s -> s.scaled(lsoas * 1500.0 / 6e7)).toList();
    PopulationSurface surface = PopulationSurface.build(BOX, towns, lsoas * 400.0, 256, PLANE, 3);
    AreaUnit root = AreaPlan.plan(PoliceForces.first(forces), lsoas, Profile.ENGLAND_WALES, PLANE, o.seed());
    return Partition.layout(root, BOX, surface);
  }

  @Test
  void layoutMakesExactlyTheLsoasAskedForWithBoundedShapes() {
    Partition p = layout(777, 5);
    assertThat(p.leaves).hasSize(777);
    double area = p.leaves.stream().mapToDouble(u -> u.rect.width() * u.rect.height()).sum();
    assertThat(area).isCloseTo(BOX.width() * BOX.height(), within(1e-9));
    assertThat(p.leaves).allSatisfy(u -> assertThat(u.rect.aspect()).isLessThanOrEqualTo(1 / Partition.MIN_SHARE + 1e-9));
    assertThat(p.siblingPairs).isNotEmpty();
  }

  @Test
  void bendsAreTheSameWhicheverWayASegmentIsWalked() {
    Tiling t = Tiling.of(List.of(BOX), 9);
    double[] forward = t.bends(0.1, 0.2, 0.3, 0.2);
    double[] backward = t.bends(0.3, 0.2, 0.1, 0.2);
    assertThat(forward).hasSize(6);
    for (int i = 0; i < 3; i++) {
      assertThat(backward[2 * i]).isEqualTo(forward[4 - 2 * i]);
      assertThat(backward[2 * i + 1]).isEqualTo(forward[5 - 2 * i]);
    }
    // at most 5% of the length off the line
    for (int i = 1; i < 6; i += 2) {
      assertThat(Math.abs(forward[i] - 0.2)).isLessThanOrEqualTo(Tiling.BEND * 0.2 + 1e-12);
    }
  }

  /** Every edge of an LSOA ring is walked the other way by exactly one neighbour, except on the map's outline. */
  @Test
  void neighboursShareEveryEdgeAndTheRingsFillTheOutline() {
    Partition p = layout(300, 2);
    Tiling t = Tiling.of(p.leaves.stream().map(u -> u.rect).toList(), 5);
    Map<String, Integer> directed = new HashMap<>();
    double leafArea = 0;
    for (int i = 0; i < t.size(); i++) {
      double[] ring = t.ring(i);
      double area = Tiling.signedArea(ring);
      assertThat(area).as("counter-clockwise").isPositive();
      leafArea += area;
      int n = ring.length / 2;
      for (int k = 0; k < n; k++) {
        int j = (k + 1) % n;
        directed.merge(ring[2 * k] + "," + ring[2 * k + 1] + ">" + ring[2 * j] + "," + ring[2 * j + 1], 1, Integer::sum);
      }
      assertThat(t.neighbours(i)).isNotEmpty();
    }
    int unmatched = 0;
    for (Map.Entry<String, Integer> e : directed.entrySet()) {
      assertThat(e.getValue()).as("edge walked twice the same way").isEqualTo(1);
      String[] ends = e.getKey().split(">");
      if (!directed.containsKey(ends[1] + ">" + ends[0])) {
        unmatched++;
      }
    }
    List<List<double[]>> outline = t.outline(IntStream.range(0, t.size()).toArray());
    assertThat(outline).hasSize(1);
    assertThat(outline.get(0)).hasSize(1);
    double[] shell = outline.get(0).get(0);
    assertThat(unmatched).isEqualTo(shell.length / 2);
    assertThat(Tiling.signedArea(shell)).isCloseTo(leafArea, within(1e-9));
  }

  @Test
  void anOutlineAroundAMissingAreaHasAHole() {
    Partition p = layout(300, 2);
    List<Rect> rects = p.leaves.stream().map(u -> u.rect).toList();
    Tiling t = Tiling.of(rects, 5);
    // the leaf nearest the middle of the map, surrounded by others
    int middle = IntStream.range(0, rects.size()).boxed()
        .min((a, b) -> Double.compare(distance(rects.get(a)), distance(rects.get(b)))).orElseThrow();
    int[] others = IntStream.range(0, rects.size()).filter(i -> i != middle).toArray();
    List<List<double[]>> outline = t.outline(others);
    assertThat(outline).hasSize(1);
    assertThat(outline.get(0)).hasSize(2);
    double hole = Tiling.signedArea(outline.get(0).get(1));
    assertThat(hole).isNegative().isCloseTo(-Tiling.signedArea(t.ring(middle)), within(1e-12));
  }

  private static double distance(Rect r) {
    return Math.hypot(r.centreX() - BOX.centreX(), r.centreY() - BOX.centreY());
  }

  @Test
  void sharesAddUpAndGiveEveryAreaOne() {
    int[] s = AreaPlan.shares(new double[] {8.8, 0.01, 2.9, 0.5}, 100);
    assertThat(IntStream.of(s).sum()).isEqualTo(100);
    assertThat(IntStream.of(s).min().orElseThrow()).isPositive();
    assertThat(s[0]).isGreaterThan(s[2]).isGreaterThan(s[3]);
    assertThat(Apportion.of(new double[] {1, 0, 2}, 10)).containsExactly(3, 0, 7);
  }

  /** The City of London is laid out inside a Metropolitan Police borough but belongs to its own force and authority. */
  @Test
  void theCityIsAnEnclaveOfTheMetropolitanPolice() {
    AreaUnit root = AreaPlan.plan(PoliceForces.first(3), 900, Profile.ENGLAND_WALES, PLANE, 1);
    AreaUnit city = root.children.stream().filter(f -> f.force.slug().equals(PoliceForces.CITY_OF_LONDON)).findFirst().orElseThrow();
    assertThat(root.layoutChildren).doesNotContain(city);
    AreaUnit cityLad = city.children.get(0);
    AreaUnit host = root.children.stream().filter(f -> f.force.slug().equals(PoliceForces.METROPOLITAN)).findFirst().orElseThrow()
        .children.stream().filter(lad -> lad.layoutChildren.contains(cityLad)).findFirst().orElseThrow();
    assertThat(host.children).doesNotContain(cityLad);
    assertThat(cityLad.parent).isSameAs(city);
  }
}
