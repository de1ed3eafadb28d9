package uk.patrolcast.launcher.bench;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Where people live: a raster of residents per pixel over the map box, held as a summed-area table
 * so that the population of any rectangle, and the line that cuts a rectangle into two parts with
 * given population shares, cost a few lookups. Density is constant within a pixel, so the
 * cumulative population is exactly bilinear between table nodes and queries need no rounding to
 * pixels.
 */
final class PopulationSurface {
  private final Rect box;
  private final int nx;
  private final int ny;
  private final double dx;
  private final double dy;
  /** {@code cum[j * (nx + 1) + i]}: residents in pixels [0, i) × [0, j). */
  private final double[] cum;

  private PopulationSurface(Rect box, int nx, int ny, double[] cum) {
    this.box = box;
    this.nx = nx;
    this.ny = ny;
    this.dx = box.width() / nx;
    this.dy = box.height() / ny;
    this.cum = cum;
  }

  /**
   * @param settlements towns and cities (their populations are kept exactly, clipped to the box)
   * @param ruralPopulation residents spread over the whole box, thicker where a smooth random field is high
   * @param resolution pixels along the longer side of the box
   */
  static PopulationSurface build(Rect box, List<Settlement> settlements, double ruralPopulation, int resolution, Plane plane,
      long seed) {
    double pixel = Math.max(box.width(), box.height()) / resolution;
    int nx = Math.max(1, (int) Math.round(box.width() / pixel));
    int ny = Math.max(1, (int) Math.round(box.height() / pixel));
    double dx = box.width() / nx;
    double dy = box.height() / ny;
    double[] density = new double[nx * ny];

    // Rural residents: a lumpy carpet (log-normal over a smooth field ~40 km across).
    SmoothField rural = new SmoothField(Seeds.of(seed, Seeds.label("rural")), Plane.units(40_000), 3);
    IntStream.range(0, ny).parallel().forEach(j -> {
      double y = box.y0() + (j + 0.5) * dy;
      for (int i = 0; i < nx; i++) {
        density[j * nx + i] = Math.exp(0.9 * rural.at(box.x0() + (i + 0.5) * dx, y));
      }
    });
    normalise(density, 0, density.length, ruralPopulation);

    // Settlements: a core (60%) and a ring twice as wide (40%), each normalised over its pixels.
    double[] bump = new double[nx * ny];
    for (Settlement s : settlements) {
      double cx = plane.x(s.lon());
      double cy = s.lat();
      double sigma = Plane.units(s.sigmaKm() * 1000);
      double reach = 8 * sigma;
      int i0 = clamp((int) Math.floor((cx - reach - box.x0()) / dx), nx);
      int i1 = clamp((int) Math.ceil((cx + reach - box.x0()) / dx), nx);
      int j0 = clamp((int) Math.floor((cy - reach - box.y0()) / dy), ny);
      int j1 = clamp((int) Math.ceil((cy + reach - box.y0()) / dy), ny);
      double total = 0;
      for (int j = j0; j < j1; j++) {
        double y = box.y0() + (j + 0.5) * dy - cy;
        for (int i = i0; i < i1; i++) {
          double x = box.x0() + (i + 0.5) * dx - cx;
          double r2 = (x * x + y * y) / (sigma * sigma);
          double v = 0.6 * Math.exp(-r2 / 2) + 0.4 / 4 * Math.exp(-r2 / 8);
          bump[j * nx + i] = v;
          total += v;
        }
      }
      if (total <= 0) {
        continue; // wholly outside the box
      }
      double k = s.population() / total;
      for (int j = j0; j < j1; j++) {
        for (int i = i0; i < i1; i++) {
          density[j * nx + i] += bump[j * nx + i] * k;
          bump[j * nx + i] = 0;
        }
      }
    }

    double[] cum = new double[(nx + 1) * (ny + 1)];
    for (int j = 0; j < ny; j++) {
      double row = 0;
      for (int i = 0; i < nx; i++) {
        row += density[j * nx + i];
        cum[(j + 1) * (nx + 1) + i + 1] = cum[j * (nx + 1) + i + 1] + row;
      }
    }
    return new PopulationSurface(box, nx, ny, cum);
  }

  private static int clamp(int v, int n) {
    return Math.max(0, Math.min(n, v));
  }

  private static void normalise(double[] values, int from, int to, double total) {
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += values[i];
    }
    double k = total / sum;
    for (int i = from; i < to; i++) {
      values[i] *= k;
    }
  }

  double total() {
    return cum[cum.length - 1];
  }

  /** Residents in [box.x0, x] × [box.y0, y]. */
  double cumulative(double x, double y) {
    double gx = Math.max(0, Math.min(nx, (x - box.x0()) / dx));
    double gy = Math.max(0, Math.min(ny, (y - box.y0()) / dy));
    int i = Math.min(nx - 1, (int) gx);
    int j = Math.min(ny - 1, (int) gy);
    double fx = gx - i;
    double fy = gy - j;
    int w = nx + 1;
    double c00 = cum[j * w + i];
    double c10 = cum[j * w + i + 1];
    double c01 = cum[(j + 1) * w + i];
    double c11 = cum[(j + 1) * w + i + 1];
    return c00 * (1 - fx) * (1 - fy) + c10 * fx * (1 - fy) + c01 * (1 - fx) * fy + c11 * fx * fy;
  }

  /** Residents in a rectangle. */
  double population(Rect r) {
    return cumulative(r.x1(), r.y1()) - cumulative(r.x0(), r.y1()) - cumulative(r.x1(), r.y0()) + cumulative(r.x0(), r.y0());
  }

  /**
   * The coordinate of the cut across {@code r} (a vertical line when {@code alongX}) that leaves
   * {@code share} of its residents on the low side.
   */
  double cut(Rect r, boolean alongX, double share) {
    double total = population(r);
    double lo = r.start(alongX);
    double hi = lo + r.length(alongX);
    if (total <= 0) {
      return lo + share * (hi - lo);
    }
    double target = share * total;
    for (int k = 0; k < 48; k++) {
      double mid = (lo + hi) / 2;
      Rect low = alongX ? new Rect(r.x0(), r.y0(), Math.max(mid, Math.nextUp(r.x0())), r.y1())
          : new Rect(r.x0(), r.y0(), r.x1(), Math.max(mid, Math.nextUp(r.y0())));
      if (population(low) < target) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return (lo + hi) / 2;
  }
}
