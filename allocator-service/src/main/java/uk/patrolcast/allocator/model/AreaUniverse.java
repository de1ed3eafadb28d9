package uk.patrolcast.allocator.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The LSOAs a plan covers, sorted by code, with their wards and boroughs as indices. The model's
 * constraint sets must nest (LSOA in ward in borough in London) for the feasibility test and the
 * optimality reasoning to hold, so a ward whose LSOAs lie in two boroughs is refused here.
 */
public final class AreaUniverse {
  private final List<Area> areas;
  private final Map<String, Integer> areaIndex = new HashMap<>();
  private final int[] wardOf;
  private final List<String> wardCodes = new ArrayList<>();
  private final List<String> wardNames = new ArrayList<>();
  private final Map<String, Integer> wardIndex = new HashMap<>();
  private final int[] boroughOfWard;
  private final List<String> boroughCodes = new ArrayList<>();
  private final Map<String, Integer> boroughIndex = new HashMap<>();
  private final long[] wardPopulation;
  private final long totalPopulation;
  private final double meanAreaKm2;

  private AreaUniverse(List<Area> sorted) {
    this.areas = List.copyOf(sorted);
    TreeMap<String, String> wardBorough = new TreeMap<>();
    TreeMap<String, String> wardName = new TreeMap<>();
    for (Area a : areas) {
      String previous = wardBorough.putIfAbsent(a.wardCode(), a.boroughCode());
      if (previous != null && !previous.equals(a.boroughCode())) {
        throw new IllegalArgumentException("ward " + a.wardCode() + " has LSOAs in boroughs " + previous + " and "
            + a.boroughCode() + " (" + a.lsoa21cd() + "): the allocation model needs every ward inside one borough");
      }
      wardName.putIfAbsent(a.wardCode(), a.wardName());
    }
    for (String borough : new java.util.TreeSet<>(wardBorough.values())) {
      boroughIndex.put(borough, boroughCodes.size());
      boroughCodes.add(borough);
    }
    boroughOfWard = new int[wardBorough.size()];
    for (Map.Entry<String, String> e : wardBorough.entrySet()) {
      boroughOfWard[wardCodes.size()] = boroughIndex.get(e.getValue());
      wardIndex.put(e.getKey(), wardCodes.size());
      wardCodes.add(e.getKey());
      wardNames.add(wardName.get(e.getKey()));
    }
    wardOf = new int[areas.size()];
    wardPopulation = new long[wardCodes.size()];
    long population = 0;
    double area = 0;
    for (int i = 0; i < areas.size(); i++) {
      Area a = areas.get(i);
      areaIndex.put(a.lsoa21cd(), i);
      wardOf[i] = wardIndex.get(a.wardCode());
      wardPopulation[wardOf[i]] += a.population();
      population += a.population();
      area += a.areaKm2();
    }
    totalPopulation = population;
    meanAreaKm2 = area / areas.size();
  }

  /** Sorts and checks the areas: unique codes, positive areas, no negative populations, wards inside boroughs. */
  public static AreaUniverse of(Collection<Area> areas) {
    if (areas.isEmpty()) {
      throw new IllegalArgumentException("no LSOAs to plan for");
    }
    List<Area> sorted = new ArrayList<>(areas);
    sorted.sort(Comparator.comparing(Area::lsoa21cd));
    for (int i = 0; i < sorted.size(); i++) {
      Area a = sorted.get(i);
      if (i > 0 && sorted.get(i - 1).lsoa21cd().equals(a.lsoa21cd())) {
        throw new IllegalArgumentException("LSOA " + a.lsoa21cd() + " appears twice");
      }
      if (!(a.areaKm2() > 0) || !Double.isFinite(a.areaKm2())) {
        throw new IllegalArgumentException("LSOA " + a.lsoa21cd() + " has area " + a.areaKm2() + " km2; a positive area is needed");
      }
      if (a.population() < 0) {
        throw new IllegalArgumentException("LSOA " + a.lsoa21cd() + " has a negative population " + a.population());
      }
      if (a.wardCode() == null || a.wardCode().isBlank() || a.boroughCode() == null || a.boroughCode().isBlank()) {
        throw new IllegalArgumentException("LSOA " + a.lsoa21cd() + " has no ward or borough code");
      }
    }
    return new AreaUniverse(sorted);
  }

  public int size() {
    return areas.size();
  }

  public Area area(int i) {
    return areas.get(i);
  }

  public List<Area> areas() {
    return areas;
  }

  /** Index of an LSOA code, or -1. */
  public int indexOf(String lsoa21cd) {
    Integer i = areaIndex.get(lsoa21cd);
    return i == null ? -1 : i;
  }

  public int wardOf(int area) {
    return wardOf[area];
  }

  /** Ward index of every area (a copy). */
  public int[] wardOfAreas() {
    return Arrays.copyOf(wardOf, wardOf.length);
  }

  public int wards() {
    return wardCodes.size();
  }

  public String wardCode(int ward) {
    return wardCodes.get(ward);
  }

  public String wardName(int ward) {
    return wardNames.get(ward);
  }

  /** Index of a ward code, or -1. */
  public int wardIndex(String wardCode) {
    Integer w = wardIndex.get(wardCode);
    return w == null ? -1 : w;
  }

  public int boroughOfWard(int ward) {
    return boroughOfWard[ward];
  }

  public int boroughs() {
    return boroughCodes.size();
  }

  public String boroughCode(int borough) {
    return boroughCodes.get(borough);
  }

  /** Index of a borough code, or -1. */
  public int boroughIndex(String boroughCode) {
    Integer b = boroughIndex.get(boroughCode);
    return b == null ? -1 : b;
  }

  public long wardPopulation(int ward) {
    return wardPopulation[ward];
  }

  public long totalPopulation() {
    return totalPopulation;
  }

  public double meanAreaKm2() {
    return meanAreaKm2;
  }
}
