package uk.patrolcast.platform.service;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import uk.patrolcast.platform.http.HttpApi;
import uk.patrolcast.platform.http.HttpApi.Response;

/**
 * The operational endpoints of a process: {@code /health/live} and {@code /health/ready} (200 or 503,
 * with each service's state), {@code /metrics} (Prometheus text) and {@code /status}. Services add
 * their own routes (interactive queries, what-if) to {@link #http()}.
 */
public final class ServiceEndpoints implements AutoCloseable {
  private static final PrometheusMeterRegistry METRICS = createRegistry();

  private final HttpApi http;
  private final List<PatrolcastService> services = new CopyOnWriteArrayList<>();

  private ServiceEndpoints(HttpApi http) {
    this.http = http;
  }

  /** The process-wide metrics registry every service records into. */
  public static PrometheusMeterRegistry metrics() {
    return METRICS;
  }

  private static PrometheusMeterRegistry createRegistry() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    return registry;
  }

  public static ServiceEndpoints start(String host, int port, String name) {
    ServiceEndpoints endpoints = new ServiceEndpoints(HttpApi.start(host, port, name));
    endpoints.http
        .get("/health/live", r -> endpoints.health(true))
        .get("/health/ready", r -> endpoints.health(false))
        .get("/status", r -> Response.json(endpoints.statusBody()))
        .get("/metrics", r -> Response.text(200, "text/plain; version=0.0.4; charset=utf-8", METRICS.scrape()));
    return endpoints;
  }

  /** Adds a service to the health answers. */
  public ServiceEndpoints register(PatrolcastService service) {
    services.add(service);
    return this;
  }

  public HttpApi http() {
    return http;
  }

  public String url() {
    return http.url();
  }

  private Response health(boolean liveness) {
    Map<String, Object> body = new LinkedHashMap<>();
    boolean ok = true;
    for (PatrolcastService s : services) {
      boolean up = liveness ? s.alive() : s.ready();
      ok &= up;
      body.put(s.name(), up ? "UP" : (liveness ? "DOWN" : "NOT_READY"));
    }
    body.put("status", ok ? "UP" : "DOWN");
    return Response.json(ok ? 200 : 503, body);
  }

  private Map<String, Object> statusBody() {
    Map<String, Object> body = new LinkedHashMap<>();
    for (PatrolcastService s : services) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("alive", s.alive());
      one.put("ready", s.ready());
      one.putAll(s.status());
      body.put(s.name(), one);
    }
    return body;
  }

  @Override
  public void close() {
    http.close();
  }
}
