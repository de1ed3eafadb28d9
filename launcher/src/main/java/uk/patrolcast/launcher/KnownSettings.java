package uk.patrolcast.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import uk.patrolcast.platform.config.ServiceConfig;

/**
 * The setting keys some service defines, checked before a command starts anything. A key none of
 * them defines would otherwise be ignored without a word (Kafka's {@code ConfigDef} keeps unknown
 * keys as unused originals), so a typo such as {@code -D forecst.params=...} ran with the default; it
 * is refused here, naming the nearest key. A value is checked against its key's type and validator
 * here too, so {@code patrolcast run} refuses it before the broker and ingest start, not after.
 */
public final class KnownSettings {
  /** Where {@link #fromEnvironment} settings come from, for messages. */
  public static final String ENVIRONMENT = "the environment (PATROLCAST_ + the key in upper case, _ for .)";
  /** Each key with its definition in every service that defines it (shared keys are in several). */
  private static final Map<String, List<ConfigDef.ConfigKey>> DEFINED = new TreeMap<>();

  static {
    for (ServiceKind kind : ServiceKind.values()) {
      kind.definition.configKeys().forEach((name, key) -> DEFINED.computeIfAbsent(name, k -> new ArrayList<>()).add(key));
    }
  }

  private KnownSettings() {}

  /** {@link #requireValid} for a command's {@code -D} settings and the {@code PATROLCAST_*} variables beside them. */
  public static void requireValidCommandLine(Map<String, ?> settings) {
    requireValid(settings, "-D");
    requireValid(fromEnvironment(System.getenv()), ENVIRONMENT);
  }

  /**
   * @param where what gave the settings, for the message ({@code -D}, {@code --config FILE})
   * @throws IllegalArgumentException naming every unknown key and, where one is close, the key meant;
   *     or naming a value its key's type or validator refuses
   */
  public static void requireValid(Map<String, ?> settings, String where) {
    StringBuilder unknown = new StringBuilder();
    for (String key : new TreeSet<>(settings.keySet())) {
      if (!DEFINED.containsKey(key)) {
        unknown.append(unknown.length() == 0 ? "" : "; ").append('\'').append(key).append('\'');
        String near = nearest(key);
        if (near != null) {
          unknown.append(" (did you mean '").append(near).append("'?)");
        }
      }
    }
    if (unknown.length() > 0) {
      throw new IllegalArgumentException("Unknown setting in " + where + ": " + unknown
          + ". No service reads it; the settings are listed in the README's Configuration section and each service's README.");
    }
    for (Map.Entry<String, ?> e : new TreeMap<String, Object>(settings).entrySet()) {
      for (ConfigDef.ConfigKey key : DEFINED.get(e.getKey())) {
        try {
          Object value = ConfigDef.parseType(key.name, e.getValue(), key.type);
          if (key.validator != null) {
            key.validator.ensureValid(key.name, value);
          }
        } catch (ConfigException invalid) {
          throw new IllegalArgumentException("Invalid setting in " + where + ": " + invalid.getMessage(), invalid);
        }
      }
    }
  }

  /** The known keys a {@code PATROLCAST_*} variable sets (as the services read them), for {@link #requireValid}. */
  public static Map<String, String> fromEnvironment(Map<String, String> environment) {
    Map<String, String> out = new TreeMap<>();
    for (String key : DEFINED.keySet()) {
      String value = environment.get(ServiceConfig.environmentName(key));
      if (value != null && !value.isBlank()) {
        out.put(key, value);
      }
    }
    return out;
  }

  /** The known key fewest single-character edits away, if that is at most a third of its length. */
  private static String nearest(String key) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : DEFINED.keySet()) {
      int d = distance(key, k);
      if (d < bestDistance) {
        best = k;
        bestDistance = d;
      }
    }
    return best != null && bestDistance <= Math.max(2, best.length() / 3) ? best : null;
  }

  /** Levenshtein distance. */
  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] t = previous;
      previous = current;
      current = t;
    }
    return previous[b.length()];
  }
}
