package uk.patrolcast.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The forces ingest takes, by police.uk file-name slug, with the name their files carry in
 * "Falls within". Configured as {@code slug} (for the forces known here) or {@code slug=Force name}.
 */
public final class Forces {
  /** police.uk slugs of the forces London needs. */
  public static final Map<String, String> KNOWN = Map.of(
      "metropolitan", "Metropolitan Police Service",
      "city-of-london", "City of London Police");
  public static final List<String> DEFAULT = List.of("metropolitan", "city-of-london");

  private final Map<String, String> names;

  private Forces(Map<String, String> names) {
    this.names = names;
  }

  public static Forces parse(List<String> entries) {
    Map<String, String> names = new LinkedHashMap<>();
    for (String entry : entries) {
      String e = entry.trim();
      if (e.isEmpty()) {
        continue;
      }
      int eq = e.indexOf('=');
      String slug = eq < 0 ? e : e.substring(0, eq).trim();
      String name = eq < 0 ? KNOWN.get(slug) : e.substring(eq + 1).trim();
      if (!slug.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
        throw new IllegalArgumentException("'" + slug + "' is not a police.uk force slug (lower case words joined by '-', e.g. metropolitan)");
      }
      if (name == null || name.isEmpty()) {
        throw new IllegalArgumentException("Unknown force slug '" + slug + "': give its name as " + slug + "=<Falls within name>; known: " + KNOWN.keySet());
      }
      names.put(slug, name);
    }
    if (names.isEmpty()) {
      throw new IllegalArgumentException("No force configured");
    }
    return new Forces(names);
  }

  public boolean contains(String slug) {
    return names.containsKey(slug);
  }

  public String name(String slug) {
    return names.get(slug);
  }

  /** Slugs in configured order. */
  public List<String> slugs() {
    return new ArrayList<>(names.keySet());
  }

  /** Position of a slug in configured order (for a stable processing order). */
  public int order(String slug) {
    return slugs().indexOf(slug);
  }
}
