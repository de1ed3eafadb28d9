package uk.patrolcast.forecast.data;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The areas a model works on, in a fixed order (sorted LSOA 2021 codes): each area's ward and
 * borough, its neighbours (as indices) and its static profile values. Immutable.
 */
public final class AreaProfiles {
  /** Static profile values every area carries, in this order (names as in features.csv). */
  public static final List<String> STATIC_FEATURES = List.of(
      "population", "areaKm2", "density",
      "imd", "income", "employment", "education", "health", "crime", "housingBarriers", "livingEnvironment",
      "owned", "socialRented", "privateRented", "flats", "detached", "overcrowded", "students");

  private final String[] codes;
  private final String[] wards;
  private final String[] boroughs;
  private final int[][] neighbours;
  private final double[][] statics;
  private final Map<String, Integer> index;

  /**
   * @param codes LSOA codes, sorted ascending
   * @param statics per area, {@link #STATIC_FEATURES} in order
   */
  public AreaProfiles(String[] codes, String[] wards, String[] boroughs, int[][] neighbours, double[][] statics) {
    int n = codes.length;
    if (wards.length != n || boroughs.length != n || neighbours.length != n || statics.length != n) {
      throw new IllegalArgumentException("Area arrays differ in length");
    }
    for (int i = 1; i < n; i++) {
      if (codes[i - 1].compareTo(codes[i]) >= 0) {
        throw new IllegalArgumentException("Area codes must be sorted and distinct: " + codes[i - 1] + " before " + codes[i]);
      }
    }
    for (double[] s : statics) {
      if (s.length != STATIC_FEATURES.size()) {
        throw new IllegalArgumentException("Expected " + STATIC_FEATURES.size() + " static values per area, got " + s.length);
      }
    }
    this.codes = codes.clone();
    this.wards = wards.clone();
    this.boroughs = boroughs.clone();
    this.neighbours = neighbours.clone();
    this.statics = statics.clone();
    this.index = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      index.put(codes[i], i);
    }
  }

  public int size() {
    return codes.length;
  }

  public String code(int i) {
    return codes[i];
  }

  public String ward(int i) {
    return wards[i];
  }

  public String borough(int i) {
    return boroughs[i];
  }

  /** Indices of the area's neighbours (may be empty). */
  public int[] neighbours(int i) {
    return neighbours[i];
  }

  public double staticValue(int i, int feature) {
    return statics[i][feature];
  }

  public double staticValue(int i, String feature) {
    int f = STATIC_FEATURES.indexOf(feature);
    if (f < 0) {
      throw new IllegalArgumentException("No static feature " + feature);
    }
    return statics[i][f];
  }

  /** Index of an LSOA code, or -1. */
  public int indexOf(String code) {
    Integer i = index.get(code);
    return i == null ? -1 : i;
  }

  public List<String> codes() {
    return List.of(codes);
  }

  /** Distinct ward codes, sorted, with each area's ward index. */
  public WardIndex wardIndex() {
    String[] distinct = Arrays.stream(wards).distinct().sorted().toArray(String[]::new);
    Map<String, Integer> pos = new HashMap<>();
    for (int w = 0; w < distinct.length; w++) {
      pos.put(distinct[w], w);
    }
    int[] of = new int[codes.length];
    String[] boroughOfWard = new String[distinct.length];
    for (int i = 0; i < codes.length; i++) {
      of[i] = pos.get(wards[i]);
      boroughOfWard[of[i]] = boroughs[i];
    }
    return new WardIndex(distinct, boroughOfWard, of);
  }

  /** The wards of the areas: {@code wardOf[i]} is the position of area i's ward in {@code codes}. */
  public record WardIndex(String[] codes, String[] boroughs, int[] wardOf) {
    public int size() {
      return codes.length;
    }

    /** Sums area values into ward values. */
    public double[] sum(double[] areaValues) {
      double[] out = new double[codes.length];
      for (int i = 0; i < areaValues.length; i++) {
        out[wardOf[i]] += areaValues[i];
      }
      return out;
    }
  }
}
