package uk.patrolcast.launcher.bench;

/**
 * A town or city: where its people live, as a round bump of population density with a dense core
 * and a wider suburban ring. {@code sigmaKm} is the core's spread.
 */
record Settlement(String name, double lat, double lon, double population, double sigmaKm) {
  /** A settlement whose spread grows with the square root of its population (denser cores are wider, not taller). */
  static Settlement of(String name, double lat, double lon, double population) {
    return new Settlement(name, lat, lon, population, 3.0 * Math.sqrt(population / 1e6) + 0.6);
  }

  Settlement scaled(double factor) {
    return new Settlement(name, lat, lon, population * factor, sigmaKm);
  }
}
