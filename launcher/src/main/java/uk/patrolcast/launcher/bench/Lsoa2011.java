package uk.patrolcast.launcher.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** An LSOA of the 2011 census geography, with the 2021 LSOAs it became (exact fit). */
final class Lsoa2011 {
  String code;
  String name;
  final Lad lad;
  final char change;
  final List<Lsoa> children = new ArrayList<>();
  /** Census 2011 usual residents. */
  int population2011;

  Lsoa2011(Lad lad, char change) {
    this.lad = lad;
    this.change = change;
  }

  /** Share of this 2011 LSOA's residents who live in a 2021 child (by the child's own population). */
  double shareOf(Lsoa child) {
    return switch (change) {
      case 'U', 'M' -> 1.0;
      default -> {
        double total = 0;
        for (Lsoa c : children) {
          total += c.population / (double) c.parents.size();
        }
        yield child.population / (double) child.parents.size() / total;
      }
    };
  }

  /** A latent value of the 2011 area: the population-weighted mean over what it became. */
  double mean(ToDoubleFunction<Lsoa> value) {
    double sum = 0;
    double weight = 0;
    for (Lsoa c : children) {
      double w = c.population / (double) c.parents.size();
      sum += w * value.applyAsDouble(c);
      weight += w;
    }
    return sum / weight;
  }
}
