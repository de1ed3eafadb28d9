package uk.patrolcast.launcher.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The synthetic geography: forces, local authorities, wards, 2021 LSOAs and their 2011 predecessors. */
final class Universe {
  final GeneratorOptions options;
  final Plane plane;
  final List<PoliceForce> forces;
  final List<Lad> lads;
  final List<Ward> wards;
  /** In code order; {@link Lsoa#index} is the position here. */
  final List<Lsoa> lsoas;
  /** In code order. */
  final List<Lsoa2011> lsoas2011;
  private final Map<PoliceForce, List<Lsoa>> byForce = new LinkedHashMap<>();

  Universe(GeneratorOptions options, Plane plane, List<PoliceForce> forces, List<Lad> lads, List<Ward> wards, List<Lsoa> lsoas,
      List<Lsoa2011> lsoas2011) {
    this.options = options;
    this.plane = plane;
    this.forces = List.copyOf(forces);
    this.lads = List.copyOf(lads);
    this.wards = List.copyOf(wards);
    this.lsoas = List.copyOf(lsoas);
    this.lsoas2011 = List.copyOf(lsoas2011);
    for (PoliceForce f : forces) {
      byForce.put(f, new ArrayList<>());
    }
    for (Lsoa l : lsoas) {
      byForce.get(l.force()).add(l);
    }
    // police.uk lists a force's records by LSOA name.
    byForce.values().forEach(list -> list.sort(Comparator.comparing((Lsoa l) -> l.name).thenComparing(l -> l.code)));
  }

  /** The LSOAs of a force, in the order police.uk files list them (by name). */
  List<Lsoa> lsoasOf(PoliceForce force) {
    return byForce.get(force);
  }

  int population() {
    return lsoas.stream().mapToInt(l -> l.population).sum();
  }
}
