package uk.patrolcast.features.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import uk.patrolcast.events.LsoaProfile;

/**
 * The area universe: every LSOA profile received, in code order, with each area's neighbours as
 * positions in that order (neighbours outside the universe are left out). The ordered view is
 * rebuilt only after a change.
 */
public final class Universe {
  private final TreeMap<String, LsoaProfile> profiles = new TreeMap<>();
  /** The same codes in a hash set: membership is checked on the per-record path. */
  private final Set<String> codes = new HashSet<>();
  private LsoaProfile[] ordered;
  private int[][] neighbours;

  /** Adds or replaces a profile; false when it is identical to the one held. */
  public boolean put(LsoaProfile profile) {
    LsoaProfile old = profiles.put(profile.getLsoa21cd(), profile);
    codes.add(profile.getLsoa21cd());
    if (profile.equals(old)) {
      return false;
    }
    ordered = null;
    return true;
  }

  /** Removes an area; false when it was not there. */
  public boolean remove(String lsoa21cd) {
    if (profiles.remove(lsoa21cd) == null) {
      return false;
    }
    codes.remove(lsoa21cd);
    ordered = null;
    return true;
  }

  public int size() {
    return profiles.size();
  }

  public boolean contains(String lsoa21cd) {
    return codes.contains(lsoa21cd);
  }

  /** Profiles in code order. */
  public LsoaProfile[] ordered() {
    build();
    return ordered;
  }

  /** Positions in {@link #ordered()} of the neighbours of the area at {@code position}. */
  public int[] neighbours(int position) {
    build();
    return neighbours[position];
  }

  private void build() {
    if (ordered != null) {
      return;
    }
    LsoaProfile[] all = profiles.values().toArray(new LsoaProfile[0]);
    Map<String, Integer> position = new HashMap<>();
    for (int i = 0; i < all.length; i++) {
      position.put(all[i].getLsoa21cd(), i);
    }
    int[][] nbrs = new int[all.length][];
    for (int i = 0; i < all.length; i++) {
      nbrs[i] = neighbourPositions(all[i], position);
    }
    neighbours = nbrs;
    ordered = all;
  }

  /** Neighbours of a profile that are in the universe, once each, never the area itself. */
  public static List<String> knownNeighbours(LsoaProfile profile, Predicate<String> inUniverse) {
    List<String> out = new ArrayList<>();
    for (String code : new LinkedHashSet<>(profile.getNeighbours())) {
      if (!code.equals(profile.getLsoa21cd()) && inUniverse.test(code)) {
        out.add(code);
      }
    }
    return out;
  }

  private static int[] neighbourPositions(LsoaProfile profile, Map<String, Integer> position) {
    return knownNeighbours(profile, position::containsKey).stream().mapToInt(position::get).toArray();
  }
}
