package uk.patrolcast.schemas.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaParseException;

/**
 * The registry's semantics in one process: global ids shared by identical schemas across subjects,
 * versions per subject, compatibility levels checked with Avro's own {@link SchemaCompatibility}.
 * The development registry server serves it over HTTP and persists its {@link RegistryEvent}s; tests
 * use it directly where a whole server is not the point.
 */
public final class InMemorySchemaRegistry implements SchemaRegistry {

  private final Map<Integer, Schema> schemasById = new HashMap<>();
  private final Map<String, Integer> idsBySchemaText = new HashMap<>();
  private final Map<String, List<Version>> subjects = new TreeMap<>();
  private final Map<String, Compatibility> subjectCompatibility = new HashMap<>();
  private Compatibility globalCompatibility;
  private int nextId = 1;
  private final Consumer<RegistryEvent> journal;

  private record Version(int version, int id) {}

  /** A registry whose default level is BACKWARD, as Confluent's. */
  public InMemorySchemaRegistry() {
    this(Compatibility.BACKWARD, event -> {});
  }

  /**
   * @param defaultCompatibility global level until one is set
   * @param journal receives every change before it is applied (to persist it); if it throws, nothing changes
   */
  public InMemorySchemaRegistry(Compatibility defaultCompatibility, Consumer<RegistryEvent> journal) {
    this.globalCompatibility = Objects.requireNonNull(defaultCompatibility);
    this.journal = Objects.requireNonNull(journal);
  }

  /** Re-applies a change recorded earlier, without journaling it again. */
  public synchronized void replay(RegistryEvent event) {
    apply(event);
  }

  /** Journals a change first (so a failing store changes nothing), then applies it. */
  private void record(RegistryEvent event) {
    journal.accept(event);
    apply(event);
  }

  private void apply(RegistryEvent event) {
    if (event instanceof RegistryEvent.SchemaRegistered r) {
      Schema schema = parse(r.schema());
      schemasById.put(r.id(), schema);
      idsBySchemaText.putIfAbsent(schema.toString(), r.id());
      List<Version> versions = subjects.computeIfAbsent(r.subject(), s -> new ArrayList<>());
      versions.removeIf(v -> v.version() == r.version());
      versions.add(new Version(r.version(), r.id()));
      versions.sort((a, b) -> Integer.compare(a.version(), b.version()));
      nextId = Math.max(nextId, r.id() + 1);
    } else if (event instanceof RegistryEvent.CompatibilitySet c) {
      if (c.subject() == null) {
        globalCompatibility = Compatibility.parse(c.level());
      } else {
        subjectCompatibility.put(c.subject(), Compatibility.parse(c.level()));
      }
    } else if (event instanceof RegistryEvent.SubjectDeleted d) {
      subjects.remove(d.subject());
    }
  }

  @Override
  public synchronized int register(String subject, Schema schema) {
    String text = schema.toString();
    List<Version> versions = subjects.getOrDefault(subject, List.of());
    for (Version v : versions) {
      if (schemasById.get(v.id()).toString().equals(text)) {
        return v.id();
      }
    }
    Compatibility level = compatibility(subject);
    List<String> problems = incompatibilities(schema, versions, level, !level.transitive);
    if (!problems.isEmpty()) {
      throw new SchemaRegistryException(
          409,
          SchemaRegistryException.INCOMPATIBLE_SCHEMA,
          "Schema being registered is incompatible with an earlier schema for subject '"
              + subject
              + "' ("
              + level
              + "): "
              + String.join("; ", problems));
    }
    int id = idsBySchemaText.getOrDefault(text, nextId);
    int version = versions.isEmpty() ? 1 : versions.get(versions.size() - 1).version() + 1;
    record(new RegistryEvent.SchemaRegistered(subject, version, id, text));
    return id;
  }

  @Override
  public synchronized RegisteredSchema lookup(String subject, Schema schema) {
    List<Version> versions = subjects.get(subject);
    if (versions == null) {
      throw SchemaRegistryException.subjectNotFound(subject);
    }
    String text = schema.toString();
    for (Version v : versions) {
      Schema known = schemasById.get(v.id());
      if (known.toString().equals(text)) {
        return new RegisteredSchema(subject, v.id(), v.version(), known);
      }
    }
    throw SchemaRegistryException.schemaNotFound("under subject '" + subject + "'");
  }

  @Override
  public synchronized Schema schemaById(int id) {
    Schema schema = schemasById.get(id);
    if (schema == null) {
      throw SchemaRegistryException.schemaNotFound("with id " + id);
    }
    return schema;
  }

  @Override
  public synchronized List<String> subjects() {
    return List.copyOf(subjects.keySet());
  }

  @Override
  public synchronized List<Integer> versions(String subject) {
    return versionsOf(subject).stream().map(Version::version).toList();
  }

  @Override
  public synchronized RegisteredSchema version(String subject, int version) {
    for (Version v : versionsOf(subject)) {
      if (v.version() == version) {
        return new RegisteredSchema(subject, v.id(), v.version(), schemasById.get(v.id()));
      }
    }
    throw SchemaRegistryException.versionNotFound(subject, Integer.toString(version));
  }

  @Override
  public synchronized RegisteredSchema latest(String subject) {
    List<Version> versions = versionsOf(subject);
    Version v = versions.get(versions.size() - 1);
    return new RegisteredSchema(subject, v.id(), v.version(), schemasById.get(v.id()));
  }

  @Override
  public synchronized boolean isCompatible(String subject, Schema schema, String version) {
    List<Version> versions = versionsOf(subject);
    Compatibility level = compatibility(subject);
    List<Version> against;
    if ("latest".equalsIgnoreCase(version)) {
      against = level.transitive ? versions : List.of(versions.get(versions.size() - 1));
    } else {
      int wanted = parseVersion(version);
      against = versions.stream().filter(v -> v.version() == wanted).toList();
      if (against.isEmpty()) {
        throw SchemaRegistryException.versionNotFound(subject, version);
      }
    }
    return incompatibilities(schema, against, level, false).isEmpty();
  }

  @Override
  public synchronized Compatibility compatibility(String subject) {
    if (subject == null) {
      return globalCompatibility;
    }
    return subjectCompatibility.getOrDefault(subject, globalCompatibility);
  }

  @Override
  public synchronized void setCompatibility(String subject, Compatibility level) {
    Objects.requireNonNull(level, "level");
    record(new RegistryEvent.CompatibilitySet(subject, level.name()));
  }

  /** Whether a level was set on the subject itself (not inherited from the global one). */
  public synchronized boolean hasSubjectCompatibility(String subject) {
    return subjectCompatibility.containsKey(subject);
  }

  @Override
  public synchronized List<Integer> deleteSubject(String subject) {
    List<Integer> versions = versions(subject);
    record(new RegistryEvent.SubjectDeleted(subject));
    return versions;
  }

  /** Parses schema text, turning Avro's error into the registry's 422. */
  public static Schema parse(String schemaText) {
    try {
      return new Schema.Parser().parse(schemaText);
    } catch (SchemaParseException | NullPointerException e) {
      throw new SchemaRegistryException(
          422, SchemaRegistryException.INVALID_SCHEMA, "Invalid Avro schema: " + e.getMessage());
    }
  }

  private List<Version> versionsOf(String subject) {
    List<Version> versions = subjects.get(subject);
    if (versions == null || versions.isEmpty()) {
      throw SchemaRegistryException.subjectNotFound(subject);
    }
    return versions;
  }

  private static int parseVersion(String version) {
    try {
      int v = Integer.parseInt(version);
      if (v < 1) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new SchemaRegistryException(
          422,
          SchemaRegistryException.INVALID_VERSION,
          "The specified version '" + version + "' is not a valid version id: use a positive integer or 'latest'.");
    }
  }

  /** Problems found checking {@code candidate} against {@code versions} at {@code level}. */
  private List<String> incompatibilities(
      Schema candidate, List<Version> versions, Compatibility level, boolean latestOnly) {
    List<String> problems = new ArrayList<>();
    if (versions.isEmpty() || level == Compatibility.NONE) {
      return problems;
    }
    List<Version> against = latestOnly ? List.of(versions.get(versions.size() - 1)) : versions;
    for (Version v : against) {
      Schema existing = schemasById.get(v.id());
      if (level.backward) {
        describe(SchemaCompatibility.checkReaderWriterCompatibility(candidate, existing), "reading version " + v.version(), problems);
      }
      if (level.forward) {
        describe(SchemaCompatibility.checkReaderWriterCompatibility(existing, candidate), "read by version " + v.version(), problems);
      }
    }
    return problems;
  }

  private static void describe(
      SchemaCompatibility.SchemaPairCompatibility result, String direction, List<String> problems) {
    if (result.getType() == SchemaCompatibilityType.COMPATIBLE) {
      return;
    }
    for (SchemaCompatibility.Incompatibility i : result.getResult().getIncompatibilities()) {
      problems.add(direction + ": " + i.getType() + " at " + i.getLocation() + " (" + i.getMessage() + ")");
    }
  }
}
