package uk.patrolcast.launcher.bench;

import java.nio.charset.StandardCharsets;

/**
 * One territorial police force of England and Wales as police.uk names it: the file-name slug, the
 * "Falls within" name, and what the generator needs to place and size it (the real population in
 * millions and the approximate real centre, used only to order forces on the synthetic map), the
 * kind of local authorities it covers and its recorded-crime level relative to the national rate.
 */
record PoliceForce(String slug, String name, double populationMillions, double lat, double lon, Kind kind, double crimeLevel) {
  /** What kind of local authority districts a force covers, which decides their ONS code prefixes. */
  enum Kind {
    /** London boroughs (E09). */
    LONDON("E", "E09"),
    /** Metropolitan districts (E08). */
    METROPOLITAN_COUNTY("E", "E08"),
    /** Unitary authorities (E06) and non-metropolitan districts (E07). */
    SHIRE("E", "E07"),
    /** Welsh unitary authorities (W06); Welsh areas carry W codes. */
    WALES("W", "W06");

    final String country;
    final String ladPrefix;

    Kind(String country, String ladPrefix) {
      this.country = country;
      this.ladPrefix = ladPrefix;
    }
  }

  byte[] nameBytes() {
    return name.getBytes(StandardCharsets.UTF_8);
  }

  /** The {@code ingest.forces} entry: {@code slug=Falls within name}. */
  String ingestEntry() {
    return slug + "=" + name;
  }
}
