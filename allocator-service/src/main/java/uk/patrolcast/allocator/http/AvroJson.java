package uk.patrolcast.allocator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Avro records as plain JSON for people and browsers: fields by name, unions as their value (no
 * type wrappers), enums as strings, timestamps as ISO-8601, maps with sorted keys.
 */
public final class AvroJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private AvroJson() {}

  public static ObjectNode of(SpecificRecord record) {
    return (ObjectNode) value(record, record.getSchema());
  }

  private static JsonNode value(Object v, Schema schema) {
    if (v == null) {
      return NODES.nullNode();
    }
    switch (schema.getType()) {
      case UNION -> {
        int branch = GenericData.get().resolveUnion(schema, v);
        return value(v, schema.getTypes().get(branch));
      }
      case RECORD -> {
        ObjectNode out = NODES.objectNode();
        SpecificRecord r = (SpecificRecord) v;
        for (Schema.Field f : schema.getFields()) {
          out.set(f.name(), value(r.get(f.pos()), f.schema()));
        }
        return out;
      }
      case ARRAY -> {
        ArrayNode out = NODES.arrayNode();
        for (Object item : (Collection<?>) v) {
          out.add(value(item, schema.getElementType()));
        }
        return out;
      }
      case MAP -> {
        ObjectNode out = NODES.objectNode();
        new TreeMap<>((Map<?, ?>) v).forEach((k, item) -> out.set(k.toString(), value(item, schema.getValueType())));
        return out;
      }
      case DOUBLE, FLOAT -> {
        double d = ((Number) v).doubleValue();
        return Double.isFinite(d) ? NODES.numberNode(d) : NODES.textNode(Double.toString(d));
      }
      case INT -> {
        return NODES.numberNode(((Number) v).intValue());
      }
      case LONG -> {
        return v instanceof Instant t ? NODES.textNode(t.toString()) : NODES.numberNode(((Number) v).longValue());
      }
      case BOOLEAN -> {
        return NODES.booleanNode((Boolean) v);
      }
      default -> {
        return NODES.textNode(v.toString());
      }
    }
  }
}
