package uk.patrolcast.ingest.reference;

import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * British National Grid (EPSG:27700, OSGB36 transverse Mercator on the Airy ellipsoid) to WGS84
 * longitude/latitude with proj4j: the inverse projection, then the published 7-parameter Helmert
 * transformation OSGB36 → WGS84 (good to a few metres, which is what the centroids need).
 */
public final class BritishNationalGrid {
  /** EPSG:27700 as PROJ writes it, with the OSGB36 → WGS84 Helmert parameters. */
  static final String EPSG_27700 = "+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy"
      + " +towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs";

  private final CoordinateTransform toWgs84;

  public BritishNationalGrid() {
    CRSFactory crs = new CRSFactory();
    CoordinateReferenceSystem bng = crs.createFromParameters("EPSG:27700", EPSG_27700);
    CoordinateReferenceSystem wgs84 = crs.createFromParameters("EPSG:4326", "+proj=longlat +datum=WGS84 +no_defs");
    toWgs84 = new CoordinateTransformFactory().createTransform(bng, wgs84);
  }

  /** {longitude, latitude} in WGS84 degrees of an easting and northing in metres. */
  public synchronized double[] toWgs84(double easting, double northing) {
    ProjCoordinate out = new ProjCoordinate();
    toWgs84.transform(new ProjCoordinate(easting, northing), out);
    return new double[] {out.x, out.y};
  }
}
