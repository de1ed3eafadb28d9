package uk.patrolcast.platform.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.patrolcast.platform.http.HttpApi;
import uk.patrolcast.platform.http.HttpApi.HttpError;
import uk.patrolcast.platform.http.HttpApi.Request;
import uk.patrolcast.platform.http.HttpApi.Response;
import uk.patrolcast.schemas.registry.Compatibility;
import uk.patrolcast.schemas.registry.InMemorySchemaRegistry;
import uk.patrolcast.schemas.registry.RegisteredSchema;
import uk.patrolcast.schemas.registry.RegistryEvent;
import uk.patrolcast.schemas.registry.SchemaRegistryException;

/**
 * The development schema registry: the Confluent Schema Registry REST API subset Patrolcast uses
 * (register, look up, schemas by id, subjects and versions, compatibility, config), Avro only, with
 * Avro's own compatibility checks, its state kept in a compacted Kafka topic. Global default level
 * BACKWARD_TRANSITIVE, as the architecture asks. For production use Confluent Schema Registry; the
 * same client and serdes work against both.
 */
public final class DevSchemaRegistry implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DevSchemaRegistry.class);
  private static final String JSON_TYPE = "application/vnd.schemaregistry.v1+json";

  private final InMemorySchemaRegistry registry;
  private final KafkaSchemaJournal journal;
  private final HttpApi http;

  private DevSchemaRegistry(InMemorySchemaRegistry registry, KafkaSchemaJournal journal, HttpApi http) {
    this.registry = registry;
    this.journal = journal;
    this.http = http;
  }

  /**
   * Loads the registry's state from its topic and serves it.
   *
   * @param bootstrapServers Kafka holding the state topic
   * @param host address to bind (127.0.0.1 unless told otherwise)
   * @param port port, 0 for a free one
   */
  public static DevSchemaRegistry start(String bootstrapServers, String host, int port) {
    return start(bootstrapServers, KafkaSchemaJournal.DEFAULT_TOPIC, host, port);
  }

  public static DevSchemaRegistry start(String bootstrapServers, String topic, String host, int port) {
    List<RegistryEvent> history = KafkaSchemaJournal.load(bootstrapServers, topic);
    KafkaSchemaJournal journal = new KafkaSchemaJournal(bootstrapServers, topic);
    InMemorySchemaRegistry registry = new InMemorySchemaRegistry(Compatibility.BACKWARD_TRANSITIVE, journal);
    history.forEach(registry::replay);
    HttpApi http;
    try {
      http = HttpApi.start(host, port, "schema-registry");
    } catch (RuntimeException e) {
      journal.close();
      throw e;
    }
    DevSchemaRegistry dev = new DevSchemaRegistry(registry, journal, http);
    dev.routes();
    log.info("Development schema registry at {} ({} changes restored from topic {})", http.url(), history.size(), topic);
    return dev;
  }

  public String url() {
    return http.url();
  }

  public int port() {
    return http.port();
  }

  /** The registry itself, for in-process callers. */
  public InMemorySchemaRegistry registry() {
    return registry;
  }

  private void routes() {
    on("GET", "/", r -> json(HttpApi.JSON.createObjectNode()));
    on("GET", "/schemas/types", r -> json(List.of("AVRO")));
    on("GET", "/schemas/ids/{id}", r -> json(object().put("schema", registry.schemaById(id(r)).toString())));
    on("GET", "/subjects", r -> json(registry.subjects()));
    on("GET", "/subjects/{subject}/versions", r -> json(registry.versions(r.param("subject"))));
    on("GET", "/subjects/{subject}/versions/{version}", r -> json(describe(version(r))));
    on("GET", "/subjects/{subject}/versions/{version}/schema",
        r -> Response.text(200, JSON_TYPE, version(r).schema().toString()));
    on("POST", "/subjects/{subject}/versions",
        r -> json(object().put("id", registry.register(r.param("subject"), schemaOf(r)))));
    on("POST", "/subjects/{subject}", r -> json(describe(registry.lookup(r.param("subject"), schemaOf(r)))));
    on("DELETE", "/subjects/{subject}", r -> json(registry.deleteSubject(r.param("subject"))));
    on("POST", "/compatibility/subjects/{subject}/versions/{version}",
        r -> json(object().put("is_compatible", registry.isCompatible(r.param("subject"), schemaOf(r), r.param("version")))));
    on("GET", "/config", r -> json(object().put("compatibilityLevel", registry.compatibility(null).name())));
    on("PUT", "/config", r -> setConfig(null, r));
    on("GET", "/config/{subject}", this::subjectConfig);
    on("PUT", "/config/{subject}", r -> setConfig(r.param("subject"), r));
  }

  /** Registers a route whose registry errors become the registry's HTTP errors. */
  private void on(String method, String pattern, HttpApi.Handler handler) {
    http.route(method, pattern, r -> {
      try {
        return handler.handle(r);
      } catch (SchemaRegistryException e) {
        throw new HttpError(e.httpStatus() == 0 ? 500 : e.httpStatus(), e.errorCode(), e.getMessage());
      }
    });
  }

  private static ObjectNode object() {
    return HttpApi.JSON.createObjectNode();
  }

  private Response subjectConfig(Request r) {
    String subject = r.param("subject");
    boolean fallback = Boolean.parseBoolean(r.query("defaultToGlobal", "false"));
    if (!fallback && !registry.hasSubjectCompatibility(subject)) {
      throw new HttpError(404, SchemaRegistryException.SUBJECT_COMPATIBILITY_NOT_CONFIGURED,
          "Subject '" + subject + "' does not have subject-level compatibility configured");
    }
    return json(object().put("compatibilityLevel", registry.compatibility(subject).name()));
  }

  private Response setConfig(String subject, Request r) {
    JsonNode body = r.json();
    Compatibility level = Compatibility.parse(body.path("compatibility").asText(null));
    registry.setCompatibility(subject, level);
    return json(object().put("compatibility", level.name()));
  }

  private RegisteredSchema version(Request r) {
    String subject = r.param("subject");
    String v = r.param("version");
    if ("latest".equalsIgnoreCase(v) || "-1".equals(v)) {
      return registry.latest(subject);
    }
    try {
      return registry.version(subject, Integer.parseInt(v));
    } catch (NumberFormatException e) {
      throw new HttpError(422, SchemaRegistryException.INVALID_VERSION,
          "The specified version '" + v + "' is not a valid version id: use a positive integer or 'latest'");
    }
  }

  private static int id(Request r) {
    try {
      return Integer.parseInt(r.param("id"));
    } catch (NumberFormatException e) {
      throw new HttpError(404, SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema id '" + r.param("id") + "' not found");
    }
  }

  private static Schema schemaOf(Request r) {
    JsonNode body = r.json();
    String type = body.path("schemaType").asText("AVRO");
    if (!"AVRO".equalsIgnoreCase(type)) {
      throw new HttpError(422, SchemaRegistryException.INVALID_SCHEMA, "Only AVRO schemas are supported, not " + type);
    }
    if (body.path("references").size() > 0) {
      throw new HttpError(422, SchemaRegistryException.INVALID_SCHEMA, "Schema references are not supported by the development registry");
    }
    if (!body.hasNonNull("schema")) {
      throw new HttpError(422, SchemaRegistryException.INVALID_SCHEMA, "Request has no 'schema' field");
    }
    return InMemorySchemaRegistry.parse(body.get("schema").asText());
  }

  private static ObjectNode describe(RegisteredSchema s) {
    return object()
        .put("subject", s.subject())
        .put("version", s.version())
        .put("id", s.id())
        .put("schema", s.schema().toString());
  }

  private static Response json(Object body) {
    Response r = Response.json(200, body);
    return new Response(r.status(), JSON_TYPE, r.body(), r.headers());
  }

  @Override
  public void close() {
    http.close();
    journal.close();
  }

}
