package uk.patrolcast.launcher.bench;

/**
 * Near-repeat victimisation of burglary, as a self-exciting process on the LSOA map at monthly
 * steps: each burglary adds to its own LSOA's rate in the following months (halving each month)
 * and, less, to its neighbours'. The background rate is lowered by the branching ratio so
 * that the long-run mean stays the model's expectation.
 *
 * <pre>
 *   excitation(i, t+1) = decay · excitation(i, t) + y(i, t) + neighbourWeight · mean_{j ~ i} y(j, t)
 *   λ(i, t) = (1 − ρ) · μ(i, t) + α · excitation(i, t),   ρ = α (1 + neighbourWeight) / (1 − decay)
 * </pre>
 */
record NearRepeat(double alpha, double decay, double neighbourWeight) {
  static final NearRepeat BURGLARY = new NearRepeat(0.12, 0.5, 0.8);
  static final NearRepeat NONE = new NearRepeat(0, 0.5, 0);

  /** The share of events that are triggered by earlier ones. */
  double branching() {
    return alpha * (1 + neighbourWeight) / (1 - decay);
  }

  /** The excitation an LSOA would carry in the long run at background mean {@code mean}. */
  double stationary(double mean) {
    return mean * (1 + neighbourWeight) / (1 - decay);
  }

  double rate(double background, double excitation) {
    return (1 - branching()) * background + alpha * excitation;
  }

  double next(double excitation, int own, double neighbourMean) {
    return decay * excitation + own + neighbourWeight * neighbourMean;
  }
}
