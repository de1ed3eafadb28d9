package uk.patrolcast.ingest.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cheap change detection for watched sources: the size and modification time of the file behind a
 * source (the archive for an archive entry). Only a source whose stamp changed is read again; reading
 * decides whether its content really changed (by its SHA-256 against the manifest).
 */
public final class SourceStamps {
  private SourceStamps() {}

  /** Source name → stamp. */
  public static Map<String, String> of(List<PoliceSource> sources, Path dataRoot) {
    Map<String, String> out = new HashMap<>();
    for (PoliceSource s : sources) {
      out.put(s.name(), stamp(s, dataRoot));
    }
    return out;
  }

  /** The sources that are new or whose file changed since {@code seen}, in the given order. */
  public static List<PoliceSource> changed(List<PoliceSource> sources, Path dataRoot, Map<String, String> seen) {
    List<PoliceSource> out = new ArrayList<>();
    for (PoliceSource s : sources) {
      if (!stamp(s, dataRoot).equals(seen.get(s.name()))) {
        out.add(s);
      }
    }
    return out;
  }

  static String stamp(PoliceSource source, Path dataRoot) {
    String name = source.name();
    int entry = name.indexOf("!/");
    Path file = dataRoot.resolve(entry < 0 ? name : name.substring(0, entry));
    try {
      return Files.size(file) + "@" + Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      return "missing";
    }
  }
}
