package uk.patrolcast.launcher.survival;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import uk.patrolcast.platform.kafka.TopicReader;
import uk.patrolcast.schemas.TopicSpec;
import uk.patrolcast.schemas.registry.SchemaRegistry;

/**
 * The final contents of a topic (latest value per key), each value rendered field by field without
 * the fields that legitimately differ between two runs of the same input: every timestamp-millis
 * field (when something happened, not what) and the fields the caller names (revision counters that
 * depend on timing; each caller says why).
 */
final class TopicContents {
  private TopicContents() {}

  static <V extends SpecificRecord> Map<String, String> latest(String bootstrap, SchemaRegistry registry, TopicSpec<V> spec,
      Set<String> excluded) {
    Map<String, String> out = new TreeMap<>();
    TopicReader.latest(bootstrap, registry, spec).forEach((k, v) -> out.put(k, render(v, excluded)));
    return out;
  }

  static String render(Object value, Set<String> excluded) {
    if (!(value instanceof SpecificRecord r)) {
      if (value instanceof Iterable<?> list) {
        StringBuilder b = new StringBuilder("[");
        for (Object o : list) {
          b.append(render(o, excluded)).append(';');
        }
        return b.append(']').toString();
      }
      return String.valueOf(value);
    }
    StringBuilder b = new StringBuilder("{");
    for (Schema.Field f : r.getSchema().getFields()) {
      if (excluded.contains(f.name()) || isTimestamp(f.schema())) {
        continue;
      }
      b.append(f.name()).append('=').append(render(r.get(f.pos()), excluded)).append(' ');
    }
    return b.append('}').toString();
  }

  private static boolean isTimestamp(Schema s) {
    if (s.getType() == Schema.Type.UNION) {
      return s.getTypes().stream().anyMatch(TopicContents::isTimestamp);
    }
    return s.getLogicalType() instanceof LogicalTypes.TimestampMillis;
  }
}
