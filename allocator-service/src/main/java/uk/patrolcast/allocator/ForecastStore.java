package uk.patrolcast.allocator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import uk.patrolcast.allocator.model.ForecastSet;
import uk.patrolcast.events.AreaType;
import uk.patrolcast.events.Forecast;
import uk.patrolcast.events.ForecastReady;
import uk.patrolcast.events.HorizonForecast;

/**
 * The LSOA forecasts read so far and the ForecastReady announcements: a set is complete when the
 * store holds {@code lsoaCount} forecasts of the announced origin, model version and data revision
 * (they travel on different topics and partitions, so either may arrive first).
 */
final class ForecastStore {
  private record Entry(String modelVersion, int revision, double[] predicted) {}

  private final int originsKept;
  private final TreeMap<String, Map<String, Entry>> byOrigin = new TreeMap<>();
  private final TreeMap<String, ForecastReady> pending = new TreeMap<>();
  private final TreeMap<String, ForecastSet> complete = new TreeMap<>();

  ForecastStore(int originsKept) {
    this.originsKept = originsKept;
  }

  void add(Forecast f) {
    if (f.getAreaType() != AreaType.LSOA) {
      return;
    }
    List<HorizonForecast> horizons = new ArrayList<>(f.getHorizons());
    horizons.sort(Comparator.comparingInt(HorizonForecast::getHorizon));
    double[] predicted = new double[horizons.size()];
    for (int h = 0; h < predicted.length; h++) {
      // A gap in the horizons leaves NaN, which the model refuses by name.
      predicted[h] = horizons.get(h).getHorizon() == h + 1 ? horizons.get(h).getPredicted() : Double.NaN;
    }
    byOrigin.computeIfAbsent(f.getOriginMonth(), k -> new HashMap<>())
        .put(f.getAreaCode(), new Entry(f.getModelVersion(), f.getDataRevision(), predicted));
  }

  void ready(ForecastReady r) {
    pending.put(r.getOriginMonth(), r);
  }

  /** Sets that became complete since the last call, in origin order. */
  List<ForecastSet> takeComplete() {
    List<ForecastSet> out = new ArrayList<>();
    for (var it = pending.entrySet().iterator(); it.hasNext(); ) {
      ForecastReady r = it.next().getValue();
      Map<String, double[]> predicted = new HashMap<>();
      Map<String, Entry> entries = byOrigin.getOrDefault(r.getOriginMonth(), Map.of());
      entries.forEach((lsoa, e) -> {
        if (e.modelVersion().equals(r.getModelVersion()) && e.revision() == r.getDataRevision()) {
          predicted.put(lsoa, e.predicted());
        }
      });
      if (predicted.size() >= r.getLsoaCount()) {
        ForecastSet set = new ForecastSet(r.getOriginMonth(), r.getModelVersion(), r.getDataRevision(), predicted);
        complete.put(r.getOriginMonth(), set);
        out.add(set);
        it.remove();
      }
    }
    while (complete.size() > originsKept) {
      String oldest = complete.firstKey();
      complete.remove(oldest);
      byOrigin.remove(oldest);
    }
    return out;
  }

  /** Announced sets still waiting for forecasts: origin to (held, expected). */
  Map<String, String> waiting() {
    Map<String, String> out = new TreeMap<>();
    pending.forEach((origin, r) -> {
      long held = byOrigin.getOrDefault(origin, Map.of()).values().stream()
          .filter(e -> e.modelVersion().equals(r.getModelVersion()) && e.revision() == r.getDataRevision()).count();
      out.put(origin, held + " of " + r.getLsoaCount() + " LSOA forecasts");
    });
    return out;
  }

  /** The complete sets by origin (the latest revision of each), oldest first. */
  Map<String, ForecastSet> completeSets() {
    return new TreeMap<>(complete);
  }
}
