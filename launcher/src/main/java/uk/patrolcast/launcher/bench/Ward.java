package uk.patrolcast.launcher.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A 2024 electoral ward: a group of LSOAs of one local authority (also standing for the MSOA of the same LSOAs). */
final class Ward {
  final Lad lad;
  /** 1-based position within its authority (the number in its LSOAs' names). */
  final int ordinal;
  String code;
  String name;
  String msoaCode;
  String globalId;
  final List<Lsoa> lsoas = new ArrayList<>();
  /** Outline: polygons of rings (WGS84 lon, lat interleaved). */
  List<List<double[]>> polygons;

  Ward(Lad lad, int ordinal) {
    this.lad = lad;
    this.ordinal = ordinal;
  }

  String msoaName() {
    return lad.name + String.format(Locale.ROOT, " %03d", ordinal);
  }
}
