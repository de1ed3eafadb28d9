package uk.patrolcast.launcher.bench;

/**
 * An axis-aligned rectangle in plane coordinates ({@link Plane}): x grows east, y north, and one
 * unit is the same ground length along both axes. Cut coordinates are shared exactly (the same
 * double) by the two halves of a cut, which is what lets neighbouring areas share their edges.
 */
record Rect(double x0, double y0, double x1, double y1) {
  Rect {
    if (!(x0 < x1 && y0 < y1)) {
      throw new IllegalArgumentException("Empty rectangle " + x0 + "," + y0 + " .. " + x1 + "," + y1);
    }
  }

  double width() {
    return x1 - x0;
  }

  double height() {
    return y1 - y0;
  }

  /** Long side over short side (1 for a square). */
  double aspect() {
    return Math.max(width(), height()) / Math.min(width(), height());
  }

  double centreX() {
    return (x0 + x1) / 2;
  }

  double centreY() {
    return (y0 + y1) / 2;
  }

  /** The two halves of a cut at {@code at}, across x when {@code alongX} (a vertical line), else across y. */
  Rect[] split(boolean alongX, double at) {
    return alongX
        ? new Rect[] {new Rect(x0, y0, at, y1), new Rect(at, y0, x1, y1)}
        : new Rect[] {new Rect(x0, y0, x1, at), new Rect(x0, at, x1, y1)};
  }

  double start(boolean alongX) {
    return alongX ? x0 : y0;
  }

  double length(boolean alongX) {
    return alongX ? width() : height();
  }
}
