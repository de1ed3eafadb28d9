package uk.patrolcast.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** WGS84 → British National Grid agrees with ONS's own pairs, and round-trips through an independent inverse. */
class BritishNationalGridTest {
  /** Ward centres published by ONS with both coordinates (london_wards2024: LONG, LAT, BNG_E, BNG_N). */
  private static final double[][] ONS = {
    {-0.09642, 51.51894, 532171, 181720},
    {0.114879, 51.42377, 547136, 171540},
    {-0.20522, 51.58185, 524451, 188525},
    {-0.0082, 51.61487, 538001, 192550},
    {-0.09995, 51.44471, 532140, 173459},
  };

  @Test
  void matchesOnsPairsToAFewMetres() {
    for (double[] p : ONS) {
      double[] en = BritishNationalGrid.fromWgs84(p[0], p[1]);
      assertThat(Math.hypot(en[0] - p[2], en[1] - p[3])).as("%f %f", p[0], p[1]).isLessThan(3.0);
    }
  }

  @Test
  void roundTripsAcrossEnglandAndWales() {
    for (double lon = -5.5; lon <= 1.7; lon += 0.9) {
      for (double lat = 50.1; lat <= 55.7; lat += 0.7) {
        double[] en = BritishNationalGrid.fromWgs84(lon, lat);
        assertThat(en[0]).isBetween(0.0, 700_000.0);
        assertThat(en[1]).isBetween(0.0, 1_300_000.0);
        double[] back = toWgs84(en[0], en[1]);
        double metres = Math.hypot((back[0] - lon) * 111_320 * Math.cos(Math.toRadians(lat)), (back[1] - lat) * 111_320);
        assertThat(metres).as("%f %f", lon, lat).isLessThan(0.5);
      }
    }
  }

  /**
   * British National Grid → WGS84 by the Ordnance Survey's inverse formulas (written here
   * independently of the class under test): inverse transverse Mercator on Airy 1830, then the
   * published OSGB36 → WGS84 Helmert shift.
   */
  static double[] toWgs84(double e, double n) {
    double a = 6_377_563.396;
    double b = 6_356_256.909;
    double f0 = 0.9996012717;
    double lat0 = Math.toRadians(49);
    double lon0 = Math.toRadians(-2);
    double e2 = 1 - b * b / (a * a);
    double nn = (a - b) / (a + b);
    double lat = lat0;
    double m = 0;
    do {
      lat = (n + 100_000 - m) / (a * f0) + lat;
      double d = lat - lat0;
      double s = lat + lat0;
      m = b * f0 * ((1 + nn + 1.25 * nn * nn + 1.25 * nn * nn * nn) * d
          - (3 * nn + 3 * nn * nn + 21.0 / 8 * nn * nn * nn) * Math.sin(d) * Math.cos(s)
          + (15.0 / 8 * nn * nn + 15.0 / 8 * nn * nn * nn) * Math.sin(2 * d) * Math.cos(2 * s)
          - 35.0 / 24 * nn * nn * nn * Math.sin(3 * d) * Math.cos(3 * s));
    } while (Math.abs(n + 100_000 - m) >= 0.00001);
    double sin = Math.sin(lat);
    double cos = Math.cos(lat);
    double tan = Math.tan(lat);
    double nu = a * f0 / Math.sqrt(1 - e2 * sin * sin);
    double rho = a * f0 * (1 - e2) / Math.pow(1 - e2 * sin * sin, 1.5);
    double eta2 = nu / rho - 1;
    double vii = tan / (2 * rho * nu);
    double viii = tan / (24 * rho * Math.pow(nu, 3)) * (5 + 3 * tan * tan + eta2 - 9 * tan * tan * eta2);
    double ix = tan / (720 * rho * Math.pow(nu, 5)) * (61 + 90 * tan * tan + 45 * Math.pow(tan, 4));
    double x = 1 / (cos * nu);
    double xi = 1 / (cos * 6 * Math.pow(nu, 3)) * (nu / rho + 2 * tan * tan);
    double xii = 1 / (cos * 120 * Math.pow(nu, 5)) * (5 + 28 * tan * tan + 24 * Math.pow(tan, 4));
    double xiia = 1 / (cos * 5040 * Math.pow(nu, 7)) * (61 + 662 * tan * tan + 1320 * Math.pow(tan, 4) + 720 * Math.pow(tan, 6));
    double de = e - 400_000;
    double latO = lat - vii * de * de + viii * Math.pow(de, 4) - ix * Math.pow(de, 6);
    double lonO = lon0 + x * de - xi * Math.pow(de, 3) + xii * Math.pow(de, 5) - xiia * Math.pow(de, 7);
    // OSGB36 cartesian, Helmert to WGS84, back to geodetic on GRS80.
    double nuO = a / Math.sqrt(1 - e2 * Math.sin(latO) * Math.sin(latO));
    double cx = nuO * Math.cos(latO) * Math.cos(lonO);
    double cy = nuO * Math.cos(latO) * Math.sin(lonO);
    double cz = (1 - e2) * nuO * Math.sin(latO);
    double s = -20.4894e-6;
    double rx = Math.toRadians(0.1502 / 3600);
    double ry = Math.toRadians(0.2470 / 3600);
    double rz = Math.toRadians(0.8421 / 3600);
    double wx = 446.448 + (1 + s) * cx - rz * cy + ry * cz;
    double wy = -125.157 + rz * cx + (1 + s) * cy - rx * cz;
    double wz = 542.060 - ry * cx + rx * cy + (1 + s) * cz;
    double wa = 6_378_137.0;
    double wb = 6_356_752.314245;
    double we2 = 1 - wb * wb / (wa * wa);
    double p = Math.hypot(wx, wy);
    double phi = Math.atan2(wz, p * (1 - we2));
    for (int i = 0; i < 10; i++) {
      double v = wa / Math.sqrt(1 - we2 * Math.sin(phi) * Math.sin(phi));
      phi = Math.atan2(wz + we2 * v * Math.sin(phi), p);
    }
    return new double[] {Math.toDegrees(Math.atan2(wy, wx)), Math.toDegrees(phi)};
  }
}
