package uk.patrolcast.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client of the Confluent Schema Registry REST API (documented subset), for Confluent Schema Registry,
 * Apicurio Registry's {@code /apis/ccompat/v6} API, Karapace and our development registry alike.
 * Registrations and schemas by id are cached: a serde asks the registry once per schema.
 * Transient failures (connection errors, 5xx) are retried with backoff.
 */
public final class SchemaRegistryClient implements SchemaRegistry {
  private static final Logger log = LoggerFactory.getLogger(SchemaRegistryClient.class);
  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String baseUrl;
  private final HttpClient http;
  private final Duration timeout;
  private final int attempts;
  private final String authorization;
  private final Map<String, Integer> idsBySubjectAndSchema = new ConcurrentHashMap<>();
  private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

  /** A client with a 10 s timeout, 4 attempts per call and no credentials. */
  public SchemaRegistryClient(String baseUrl) {
    this(baseUrl, Duration.ofSeconds(10), 4, null);
  }

  /**
   * @param baseUrl e.g. {@code http://127.0.0.1:8081} or {@code http://127.0.0.1:8080/apis/ccompat/v6}
   * @param timeout per request
   * @param attempts tries per call for transient failures (at least 1)
   * @param basicAuth {@code user:password}, or null
   */
  public SchemaRegistryClient(String baseUrl, Duration timeout, int attempts, String basicAuth) {
    if (baseUrl == null || baseUrl.isBlank()) {
      throw new IllegalArgumentException("Schema registry URL is empty");
    }
    URI uri = URI.create(baseUrl.trim());
    if (uri.getScheme() == null || !uri.getScheme().startsWith("http")) {
      throw new IllegalArgumentException(
          "Schema registry URL must be http(s)://host:port[/path], got '" + baseUrl + "'");
    }
    this.baseUrl = baseUrl.trim().replaceAll("/+$", "");
    this.timeout = timeout;
    this.attempts = Math.max(1, attempts);
    this.authorization =
        basicAuth == null
            ? null
            : "Basic " + Base64.getEncoder().encodeToString(basicAuth.getBytes(StandardCharsets.UTF_8));
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  public String baseUrl() {
    return baseUrl;
  }

  @Override
  public int register(String subject, Schema schema) {
    String text = schema.toString();
    Integer cached = idsBySubjectAndSchema.get(subject + '\0' + text);
    if (cached != null) {
      return cached;
    }
    ObjectNode body = JSON.createObjectNode().put("schema", text);
    JsonNode answer = call("POST", "/subjects/" + encode(subject) + "/versions", body);
    int id = answer.path("id").asInt();
    idsBySubjectAndSchema.put(subject + '\0' + text, id);
    schemasById.putIfAbsent(id, schema);
    return id;
  }

  @Override
  public RegisteredSchema lookup(String subject, Schema schema) {
    ObjectNode body = JSON.createObjectNode().put("schema", schema.toString());
    JsonNode answer = call("POST", "/subjects/" + encode(subject), body);
    RegisteredSchema found = registered(subject, answer);
    idsBySubjectAndSchema.put(subject + '\0' + schema, found.id());
    return found;
  }

  @Override
  public Schema schemaById(int id) {
    Schema cached = schemasById.get(id);
    if (cached != null) {
      return cached;
    }
    JsonNode answer = call("GET", "/schemas/ids/" + id, null);
    Schema schema = InMemorySchemaRegistry.parse(answer.path("schema").asText());
    schemasById.put(id, schema);
    return schema;
  }

  @Override
  public List<String> subjects() {
    List<String> out = new ArrayList<>();
    call("GET", "/subjects", null).forEach(n -> out.add(n.asText()));
    out.sort(null);
    return out;
  }

  @Override
  public List<Integer> versions(String subject) {
    List<Integer> out = new ArrayList<>();
    call("GET", "/subjects/" + encode(subject) + "/versions", null).forEach(n -> out.add(n.asInt()));
    out.sort(null);
    return out;
  }

  @Override
  public RegisteredSchema version(String subject, int version) {
    return registered(subject, call("GET", "/subjects/" + encode(subject) + "/versions/" + version, null));
  }

  @Override
  public RegisteredSchema latest(String subject) {
    return registered(subject, call("GET", "/subjects/" + encode(subject) + "/versions/latest", null));
  }

  @Override
  public boolean isCompatible(String subject, Schema schema, String version) {
    ObjectNode body = JSON.createObjectNode().put("schema", schema.toString());
    JsonNode answer =
        call("POST", "/compatibility/subjects/" + encode(subject) + "/versions/" + encode(version), body);
    return answer.path("is_compatible").asBoolean(false);
  }

  @Override
  public Compatibility compatibility(String subject) {
    String path = subject == null ? "/config" : "/config/" + encode(subject) + "?defaultToGlobal=true";
    JsonNode answer;
    try {
      answer = call("GET", path, null);
    } catch (SchemaRegistryException e) {
      // Registries without defaultToGlobal answer 404 for a subject with no level of its own.
      if (subject != null && e.isNotFound()) {
        return compatibility(null);
      }
      throw e;
    }
    JsonNode level = answer.has("compatibilityLevel") ? answer.get("compatibilityLevel") : answer.get("compatibility");
    return Compatibility.parse(level == null ? null : level.asText());
  }

  @Override
  public void setCompatibility(String subject, Compatibility level) {
    String path = subject == null ? "/config" : "/config/" + encode(subject);
    call("PUT", path, JSON.createObjectNode().put("compatibility", level.name()));
  }

  @Override
  public List<Integer> deleteSubject(String subject) {
    List<Integer> out = new ArrayList<>();
    call("DELETE", "/subjects/" + encode(subject), null).forEach(n -> out.add(n.asInt()));
    idsBySubjectAndSchema.keySet().removeIf(k -> k.startsWith(subject + '\0'));
    return out;
  }

  private RegisteredSchema registered(String subject, JsonNode answer) {
    int id = answer.path("id").asInt();
    Schema schema = InMemorySchemaRegistry.parse(answer.path("schema").asText());
    schemasById.putIfAbsent(id, schema);
    String name = answer.hasNonNull("subject") ? answer.get("subject").asText() : subject;
    return new RegisteredSchema(name, id, answer.path("version").asInt(), schema);
  }

  private JsonNode call(String method, String path, JsonNode body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(timeout)
            .header("Accept", CONTENT_TYPE + ", application/json");
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (body != null) {
      request.header("Content-Type", CONTENT_TYPE);
      request.method(method, HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    HttpRequest built = request.build();
    IOException lastFailure = null;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      try {
        HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
          String text = response.body();
          return text == null || text.isBlank() ? JSON.nullNode() : JSON.readTree(text);
        }
        SchemaRegistryException error = error(status, response.body(), method, path);
        if (status < 500 || attempt == attempts) {
          throw error;
        }
        log.warn("Schema registry answered {} to {} {} (attempt {}/{}), retrying", status, method, path, attempt, attempts);
      } catch (IOException e) {
        lastFailure = e;
        log.warn("Schema registry {} unreachable for {} {} (attempt {}/{}): {}", baseUrl, method, path, attempt, attempts, e.toString());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SchemaRegistryException("Interrupted calling schema registry " + baseUrl, e);
      }
      sleep(100L << Math.min(attempt, 6));
    }
    throw new SchemaRegistryException(
        "Schema registry " + baseUrl + " unreachable for " + method + " " + path + " after " + attempts + " attempts",
        lastFailure);
  }

  private static SchemaRegistryException error(int status, String body, String method, String path) {
    int code = status;
    String message = body;
    try {
      JsonNode json = JSON.readTree(body);
      code = json.path("error_code").asInt(status);
      message = json.path("message").asText(body);
    } catch (IOException | RuntimeException ignored) {
      // Not JSON (a proxy's error page, say): keep the raw body.
    }
    return new SchemaRegistryException(status, code, method + " " + path + " -> HTTP " + status + ": " + message);
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
