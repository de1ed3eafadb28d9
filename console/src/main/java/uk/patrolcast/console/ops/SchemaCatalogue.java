package uk.patrolcast.console.ops;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.patrolcast.schemas.registry.RegisteredSchema;
import uk.patrolcast.schemas.registry.SchemaRegistryClient;

/** Subjects of the schema registry with their versions and the latest schema's id and name. */
public final class SchemaCatalogue {
  private final SchemaRegistryClient registry;

  public SchemaCatalogue(SchemaRegistryClient registry) {
    this.registry = registry;
  }

  public Map<String, Object> snapshot() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("registry", registry.baseUrl());
    try {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (String subject : registry.subjects().stream().sorted().toList()) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("subject", subject);
        try {
          row.put("versions", registry.versions(subject));
          RegisteredSchema latest = registry.latest(subject);
          row.put("latestVersion", latest.version());
          row.put("latestId", latest.id());
          row.put("type", latest.schema().getType() == org.apache.avro.Schema.Type.RECORD
              ? latest.schema().getFullName() : latest.schema().getType().getName());
        } catch (RuntimeException e) {
          row.put("error", e.getMessage());
        }
        rows.add(row);
      }
      out.put("subjects", rows);
    } catch (RuntimeException e) {
      out.put("error", e.getMessage());
    }
    return out;
  }
}
