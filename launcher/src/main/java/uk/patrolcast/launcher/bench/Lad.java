package uk.patrolcast.launcher.bench;

import java.util.ArrayList;
import java.util.List;

/** A local authority district (borough): a group of wards of one force. */
final class Lad {
  final PoliceForce force;
  String code;
  String name;
  final List<Ward> wards = new ArrayList<>();
  /** Outline: polygons of rings (WGS84 lon, lat interleaved); an enclave leaves a hole. */
  List<List<double[]>> polygons;

  Lad(PoliceForce force) {
    this.force = force;
  }

  boolean welsh() {
    return force.kind() == PoliceForce.Kind.WALES;
  }

  List<Lsoa> lsoas() {
    List<Lsoa> out = new ArrayList<>();
    wards.forEach(w -> out.addAll(w.lsoas));
    return out;
  }
}
