package uk.patrolcast.ingest.reference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.patrolcast.platform.config.DataLayout;

/** The reference inputs record validation needs: the universe, the exact-fit lookup and the polygons. */
public record ReferenceData(LsoaUniverse universe, ExactFitLookup lookup, LsoaBoundaries boundaries, LsoaHarmoniser harmoniser) {
  private static final Logger log = LoggerFactory.getLogger(ReferenceData.class);

  public static ReferenceData load(DataLayout data) {
    long started = System.nanoTime();
    data.requireInputs("lsoa-universe", "lsoa11-lsoa21", "boundaries.lsoa21");
    LsoaUniverse universe = LsoaUniverse.read(data.lsoaUniverse());
    ExactFitLookup lookup = ExactFitLookup.read(data.lsoa11ToLsoa21());
    LsoaBoundaries boundaries = LsoaBoundaries.read(data.lsoa21Boundaries());
    log.info("Reference data loaded in {} ms: {} London LSOAs, {} polygons", (System.nanoTime() - started) / 1_000_000,
        universe.size(), boundaries.polygons().size());
    return new ReferenceData(universe, lookup, boundaries, new LsoaHarmoniser(universe, lookup, boundaries));
  }
}
