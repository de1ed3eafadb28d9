package uk.patrolcast.launcher.bench;

/**
 * What a police.uk map point is: a street, or one of the named kinds of place police.uk snaps
 * crimes to ("On or near Supermarket"), grouped by the crimes drawn to them.
 */
enum Place {
  STREET(null, Draw.HOMES),
  SUPERMARKET("Supermarket", Draw.SHOPS),
  SHOPPING_AREA("Shopping Area", Draw.SHOPS),
  PARKING_AREA("Parking Area", Draw.VEHICLES),
  PETROL_STATION("Petrol Station", Draw.VEHICLES),
  NIGHTCLUB("Nightclub", Draw.NIGHT),
  THEATRE("Theatre/Concert Hall", Draw.NIGHT),
  PARK("Park/Open Space", Draw.OPEN),
  SPORTS("Sports/Recreation Area", Draw.OPEN),
  BUS_STATION("Bus/Coach Station", Draw.TRANSPORT),
  TRAIN_STATION("Train Station", Draw.TRANSPORT),
  HOSPITAL("Hospital", Draw.HOMES),
  COLLEGE("Further/Higher Educational Building", Draw.HOMES),
  POLICE_STATION("Police Station", Draw.HOMES);

  /** Groups of places that draw particular crimes. */
  enum Draw { HOMES, SHOPS, VEHICLES, NIGHT, OPEN, TRANSPORT }

  final String label;
  final Draw draw;

  Place(String label, Draw draw) {
    this.label = label;
    this.draw = draw;
  }
}
