package uk.patrolcast.launcher.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * A node of the area hierarchy (universe, force, local authority, ward, LSOA) with the number of
 * LSOAs it holds. Administrative children say what an area contains; layout children say how its
 * rectangle is cut, which differs only for an enclave (the City of London is laid out inside one
 * of the Metropolitan Police's boroughs, like a ward, but belongs to its own force).
 */
final class AreaUnit {
  enum Level { UNIVERSE, FORCE, LAD, WARD, LSOA }

  final Level level;
  final int count;
  final PoliceForce force;
  final List<AreaUnit> children = new ArrayList<>();
  final List<AreaUnit> layoutChildren = new ArrayList<>();
  AreaUnit parent;
  /** Preferred position (plane x, y) used to order siblings along a cut; NaN when none. */
  double prefX = Double.NaN;
  double prefY = Double.NaN;
  /** Assigned by the layout. */
  Rect rect;
  /** Position among the units of its level, in administrative order. */
  int index = -1;

  AreaUnit(Level level, int count, PoliceForce force) {
    this.level = level;
    this.count = count;
    this.force = force;
  }

  void add(AreaUnit child) {
    child.parent = this;
    children.add(child);
    layoutChildren.add(child);
  }

  /** The enclosing unit of a level (itself when it is of that level). */
  AreaUnit up(Level l) {
    AreaUnit u = this;
    while (u != null && u.level != l) {
      u = u.parent;
    }
    return u;
  }

  /** LSOA leaves under this unit, in administrative order. */
  List<AreaUnit> leaves() {
    List<AreaUnit> out = new ArrayList<>();
    collect(this, out);
    return out;
  }

  private static void collect(AreaUnit u, List<AreaUnit> out) {
    if (u.level == Level.LSOA) {
      out.add(u);
      return;
    }
    for (AreaUnit c : u.children) {
      collect(c, out);
    }
  }
}
