package uk.patrolcast.launcher.bench;

/**
 * The generator's working plane: x = longitude × cos(reference latitude), y = latitude, both in
 * degrees of latitude, so that a unit is about 111.32 km along either axis near the reference
 * latitude. Areas are cut and shaped here, then written as WGS84 longitude and latitude.
 */
record Plane(double referenceLatitude) {
  static final double KM_PER_DEGREE = 111.32;

  double kx() {
    return Math.cos(Math.toRadians(referenceLatitude));
  }

  double x(double lon) {
    return lon * kx();
  }

  double lon(double x) {
    return x / kx();
  }

  /** Plane units for a length in metres. */
  static double units(double metres) {
    return metres / (KM_PER_DEGREE * 1000.0);
  }

  /** Square kilometres of a ring of WGS84 coordinates (lon, lat interleaved), on a local equirectangular projection. */
  static double areaKm2(double[] lonLat) {
    int n = lonLat.length / 2;
    double latSum = 0;
    for (int i = 0; i < n; i++) {
      latSum += lonLat[2 * i + 1];
    }
    double k = Math.cos(Math.toRadians(latSum / n));
    double twice = 0;
    for (int i = 0; i < n; i++) {
      int j = (i + 1) % n;
      twice += lonLat[2 * i] * k * lonLat[2 * j + 1] - lonLat[2 * j] * k * lonLat[2 * i + 1];
    }
    return Math.abs(twice) / 2 * KM_PER_DEGREE * KM_PER_DEGREE;
  }
}
