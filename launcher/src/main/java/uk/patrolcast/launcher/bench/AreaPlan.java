package uk.patrolcast.launcher.bench;

import java.util.List;
import java.util.SplittableRandom;
import uk.patrolcast.launcher.bench.AreaUnit.Level;

/**
 * How many LSOAs each force, local authority and ward gets. Forces get shares of the LSOAs in
 * proportion to their real populations; each force is cut into local authorities of varied size
 * (log-normal), each authority into wards of a few LSOAs. Every area gets at least one LSOA.
 */
final class AreaPlan {
  private AreaPlan() {}

  static AreaUnit plan(List<PoliceForce> forces, int lsoas, Profile profile, Plane plane, long seed) {
    if (lsoas < 2 * forces.size()) {
      throw new IllegalArgumentException("--lsoas " + lsoas + " is too few for " + forces.size() + " forces (at least 2 per force)");
    }
    SplittableRandom rng = Seeds.random(seed, Seeds.label("plan"));
    AreaUnit universe = new AreaUnit(Level.UNIVERSE, lsoas, null);
    double[] weights = forces.stream().mapToDouble(PoliceForce::populationMillions).toArray();
    int[] quotas = shares(weights, lsoas);
    AreaUnit metropolitan = null;
    AreaUnit city = null;
    for (int f = 0; f < forces.size(); f++) {
      PoliceForce force = forces.get(f);
      AreaUnit unit = new AreaUnit(Level.FORCE, quotas[f], force);
      unit.prefX = plane.x(force.lon());
      unit.prefY = force.lat();
      universe.add(unit);
      int lads = Math.max(1, (int) Math.round(quotas[f] / profile.lsoasPerLad));
      double[] ladWeights = new double[lads];
      for (int i = 0; i < lads; i++) {
        ladWeights[i] = Math.exp(0.35 * Seeds.gaussian(rng));
      }
      for (int ladQuota : shares(ladWeights, quotas[f])) {
        AreaUnit lad = new AreaUnit(Level.LAD, ladQuota, force);
        unit.add(lad);
        int wards = Math.max(1, (int) Math.round(ladQuota / profile.lsoasPerWard));
        double[] wardWeights = new double[wards];
        for (int i = 0; i < wards; i++) {
          wardWeights[i] = 0.6 + 0.8 * rng.nextDouble();
        }
        for (int wardQuota : shares(wardWeights, ladQuota)) {
          AreaUnit ward = new AreaUnit(Level.WARD, wardQuota, force);
          lad.add(ward);
          for (int i = 0; i < wardQuota; i++) {
            ward.add(new AreaUnit(Level.LSOA, 1, force));
          }
        }
      }
      if (force.slug().equals(PoliceForces.METROPOLITAN)) {
        metropolitan = unit;
      } else if (force.slug().equals(PoliceForces.CITY_OF_LONDON)) {
        city = unit;
      }
    }
    if (metropolitan != null && city != null) {
      enclose(universe, metropolitan, city);
    }
    return universe;
  }

  /**
   * Lays the City of London out inside the middle borough of the Metropolitan Police, among its
   * wards, as it is in reality (an enclave), rather than as a sliver along the map.
   */
  private static void enclose(AreaUnit universe, AreaUnit metropolitan, AreaUnit city) {
    universe.layoutChildren.remove(city);
    AreaUnit host = metropolitan.children.get(metropolitan.children.size() / 2);
    for (AreaUnit lad : city.children) {
      host.layoutChildren.add(host.layoutChildren.size() / 2, lad);
    }
  }

  /** Splits {@code total} into integer shares proportional to {@code weights}, each at least one. */
  static int[] shares(double[] weights, int total) {
    if (total < weights.length) {
      throw new IllegalArgumentException("Cannot give " + weights.length + " areas at least one of " + total);
    }
    int[] out = Apportion.of(weights, total - weights.length);
    for (int i = 0; i < out.length; i++) {
      out[i]++;
    }
    return out;
  }
}
