package uk.patrolcast.launcher.bench;

import uk.patrolcast.launcher.bench.Place.Draw;

/**
 * The police.uk street-level crime categories, with how the generator models each: its share of
 * all records, its seasonal swing (amplitude of a yearly cosine and the month of its peak), its
 * yearly trend, its over-dispersion (shape of the gamma mixing of a negative binomial: smaller is
 * more dispersed), how strongly it follows deprivation, urbanity and the spatial crime field,
 * its area-level idiosyncratic spread, and the kind of place it gravitates to.
 */
enum CrimeType {
  ANTI_SOCIAL_BEHAVIOUR("Anti-social behaviour", 0.190, 0.15, 7.0, -0.060, 3.0, 0.50, 0.30, 0.40, 0.35, Draw.OPEN, 0.10),
  BICYCLE_THEFT("Bicycle theft", 0.012, 0.30, 7.5, -0.020, 2.0, 0.00, 0.70, 0.30, 0.60, Draw.TRANSPORT, 0.15),
  BURGLARY("Burglary", 0.060, 0.17, 11.8, -0.035, 4.0, 0.35, 0.25, 0.50, 0.30, Draw.HOMES, 0.0),
  CRIMINAL_DAMAGE_AND_ARSON("Criminal damage and arson", 0.085, 0.06, 10.5, -0.010, 5.0, 0.50, 0.10, 0.35, 0.30, Draw.HOMES, 0.0),
  DRUGS("Drugs", 0.030, 0.05, 5.0, 0.000, 1.5, 0.50, 0.40, 0.40, 0.60, Draw.OPEN, 0.10),
  OTHER_CRIME("Other crime", 0.020, 0.03, 3.0, 0.050, 3.0, 0.30, 0.20, 0.30, 0.40, Draw.HOMES, 0.0),
  OTHER_THEFT("Other theft", 0.065, 0.07, 7.0, -0.020, 3.0, 0.10, 0.50, 0.30, 0.50, Draw.SHOPS, 0.10),
  POSSESSION_OF_WEAPONS("Possession of weapons", 0.010, 0.05, 6.0, 0.040, 2.0, 0.50, 0.40, 0.40, 0.50, Draw.NIGHT, 0.05),
  PUBLIC_ORDER("Public order", 0.070, 0.08, 7.0, 0.080, 3.0, 0.45, 0.30, 0.35, 0.40, Draw.NIGHT, 0.05),
  ROBBERY("Robbery", 0.013, 0.10, 12.0, 0.020, 2.0, 0.50, 0.60, 0.45, 0.50, Draw.TRANSPORT, 0.10),
  SHOPLIFTING("Shoplifting", 0.060, 0.06, 12.0, 0.030, 1.5, 0.20, 0.50, 0.20, 1.00, Draw.SHOPS, 0.75),
  THEFT_FROM_THE_PERSON("Theft from the person", 0.013, 0.08, 12.0, 0.020, 2.0, 0.10, 0.90, 0.30, 0.70, Draw.NIGHT, 0.20),
  VEHICLE_CRIME("Vehicle crime", 0.062, 0.06, 11.0, -0.010, 3.0, 0.30, 0.30, 0.40, 0.35, Draw.VEHICLES, 0.30),
  VIOLENCE_AND_SEXUAL_OFFENCES("Violence and sexual offences", 0.310, 0.08, 7.0, 0.060, 5.0, 0.55, 0.25, 0.35, 0.30, Draw.NIGHT, 0.05);

  static final CrimeType[] ALL = values();
  static final int COUNT = ALL.length;

  final String label;
  final double share;
  final double seasonalAmplitude;
  final double peakMonth;
  final double trendPerYear;
  final double dispersion;
  final double deprivation;
  final double urbanity;
  final double field;
  final double idiosyncratic;
  final Draw draw;
  /** Chance that a record goes to a place of its kind (when the LSOA has one) rather than any map point. */
  final double drawChance;

  CrimeType(String label, double share, double seasonalAmplitude, double peakMonth, double trendPerYear, double dispersion,
      double deprivation, double urbanity, double field, double idiosyncratic, Draw draw, double drawChance) {
    this.label = label;
    this.share = share;
    this.seasonalAmplitude = seasonalAmplitude;
    this.peakMonth = peakMonth;
    this.trendPerYear = trendPerYear;
    this.dispersion = dispersion;
    this.deprivation = deprivation;
    this.urbanity = urbanity;
    this.field = field;
    this.idiosyncratic = idiosyncratic;
    this.draw = draw;
    this.drawChance = drawChance;
  }

  /** Seasonal factor of a calendar month (1-12); averages 1 over a year. */
  double season(int calendarMonth) {
    return 1 + seasonalAmplitude * Math.cos(2 * Math.PI * (calendarMonth - peakMonth) / 12);
  }

  /** police.uk gives anti-social behaviour incidents no Crime ID and no outcome. */
  boolean hasCrimeId() {
    return this != ANTI_SOCIAL_BEHAVIOUR;
  }
}
