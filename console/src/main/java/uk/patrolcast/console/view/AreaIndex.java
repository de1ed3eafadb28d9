package uk.patrolcast.console.view;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Dense numbering of area codes (LSOAs or wards), so that per-area values live in primitive arrays
 * and travel to the browser as plain arrays in one order. Codes keep the index they first got: the
 * boundaries seed the order, codes first seen on topics are appended.
 */
public final class AreaIndex {
  private final Map<String, Integer> byCode = new HashMap<>();
  private final List<String> codes = new ArrayList<>();

  /** The index of a code, adding it when new. */
  public synchronized int add(String code) {
    Integer i = byCode.get(code);
    if (i != null) {
      return i;
    }
    int next = codes.size();
    byCode.put(code, next);
    codes.add(code);
    return next;
  }

  /** The index of a code, or -1. */
  public synchronized int indexOf(String code) {
    Integer i = byCode.get(code);
    return i == null ? -1 : i;
  }

  public synchronized String code(int index) {
    return codes.get(index);
  }

  public synchronized int size() {
    return codes.size();
  }

  /** The codes in index order (a copy). */
  public synchronized List<String> codes() {
    return List.copyOf(codes);
  }
}
