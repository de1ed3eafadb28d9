package uk.patrolcast.launcher.bench;

/**
 * WGS84 longitude/latitude to British National Grid (EPSG:27700) eastings and northings, by the
 * Ordnance Survey's published method: a 7-parameter Helmert shift to OSGB36, then the transverse
 * Mercator projection on the Airy 1830 ellipsoid. Good to a few metres, like the Helmert shift
 * itself, which is what population-weighted centroids need.
 */
final class BritishNationalGrid {
  private static final double WGS84_A = 6_378_137.0;
  private static final double WGS84_B = 6_356_752.314245;
  private static final double AIRY_A = 6_377_563.396;
  private static final double AIRY_B = 6_356_256.909;
  private static final double F0 = 0.9996012717;
  private static final double LAT0 = Math.toRadians(49);
  private static final double LON0 = Math.toRadians(-2);
  private static final double E0 = 400_000;
  private static final double N0 = -100_000;
  // WGS84 → OSGB36 (the inverse of the published OSGB36 → WGS84 shift).
  private static final double TX = -446.448;
  private static final double TY = 125.157;
  private static final double TZ = -542.060;
  private static final double S = 20.4894e-6;
  private static final double RX = Math.toRadians(-0.1502 / 3600);
  private static final double RY = Math.toRadians(-0.2470 / 3600);
  private static final double RZ = Math.toRadians(-0.8421 / 3600);

  private BritishNationalGrid() {}

  /** {easting, northing} in metres. */
  static double[] fromWgs84(double lon, double lat) {
    double[] xyz = cartesian(Math.toRadians(lat), Math.toRadians(lon), WGS84_A, WGS84_B);
    double x = TX + (1 + S) * xyz[0] - RZ * xyz[1] + RY * xyz[2];
    double y = TY + RZ * xyz[0] + (1 + S) * xyz[1] - RX * xyz[2];
    double z = TZ - RY * xyz[0] + RX * xyz[1] + (1 + S) * xyz[2];
    double[] latLon = geodetic(x, y, z, AIRY_A, AIRY_B);
    return project(latLon[0], latLon[1]);
  }

  private static double[] cartesian(double lat, double lon, double a, double b) {
    double e2 = 1 - (b * b) / (a * a);
    double nu = a / Math.sqrt(1 - e2 * Math.sin(lat) * Math.sin(lat));
    return new double[] {nu * Math.cos(lat) * Math.cos(lon), nu * Math.cos(lat) * Math.sin(lon), (1 - e2) * nu * Math.sin(lat)};
  }

  private static double[] geodetic(double x, double y, double z, double a, double b) {
    double e2 = 1 - (b * b) / (a * a);
    double p = Math.hypot(x, y);
    double lat = Math.atan2(z, p * (1 - e2));
    for (int i = 0; i < 10; i++) {
      double nu = a / Math.sqrt(1 - e2 * Math.sin(lat) * Math.sin(lat));
      lat = Math.atan2(z + e2 * nu * Math.sin(lat), p);
    }
    return new double[] {lat, Math.atan2(y, x)};
  }

  private static double[] project(double lat, double lon) {
    double a = AIRY_A;
    double b = AIRY_B;
    double e2 = 1 - (b * b) / (a * a);
    double n = (a - b) / (a + b);
    double sin = Math.sin(lat);
    double cos = Math.cos(lat);
    double tan = Math.tan(lat);
    double nu = a * F0 / Math.sqrt(1 - e2 * sin * sin);
    double rho = a * F0 * (1 - e2) / Math.pow(1 - e2 * sin * sin, 1.5);
    double eta2 = nu / rho - 1;
    double dLat = lat - LAT0;
    double sLat = lat + LAT0;
    double m = b * F0 * ((1 + n + 1.25 * n * n + 1.25 * n * n * n) * dLat
        - (3 * n + 3 * n * n + 21.0 / 8 * n * n * n) * Math.sin(dLat) * Math.cos(sLat)
        + (15.0 / 8 * n * n + 15.0 / 8 * n * n * n) * Math.sin(2 * dLat) * Math.cos(2 * sLat)
        - 35.0 / 24 * n * n * n * Math.sin(3 * dLat) * Math.cos(3 * sLat));
    double i = m + N0;
    double ii = nu / 2 * sin * cos;
    double iii = nu / 24 * sin * Math.pow(cos, 3) * (5 - tan * tan + 9 * eta2);
    double iiia = nu / 720 * sin * Math.pow(cos, 5) * (61 - 58 * tan * tan + Math.pow(tan, 4));
    double iv = nu * cos;
    double v = nu / 6 * Math.pow(cos, 3) * (nu / rho - tan * tan);
    double vi = nu / 120 * Math.pow(cos, 5) * (5 - 18 * tan * tan + Math.pow(tan, 4) + 14 * eta2 - 58 * tan * tan * eta2);
    double dLon = lon - LON0;
    double northing = i + ii * dLon * dLon + iii * Math.pow(dLon, 4) + iiia * Math.pow(dLon, 6);
    double easting = E0 + iv * dLon + v * Math.pow(dLon, 3) + vi * Math.pow(dLon, 5);
    return new double[] {easting, northing};
  }
}
