package uk.patrolcast.launcher.bench;

/**
 * An anonymised map point of an LSOA, as police.uk publishes crimes: every crime is moved to the
 * nearest of a fixed set of points, named "On or near" a street or a kind of place. Coordinates
 * are WGS84 rounded to six decimals and lie strictly inside the LSOA's polygon. {@code parent}
 * says which of the LSOA's 2011 predecessors the point lay in.
 */
record SnapPoint(double lon, double lat, String street, Place place, double weight, int parent) {
  /** The police.uk Location text. */
  String location() {
    return "On or near " + (place == Place.STREET ? street : place.label);
  }
}
