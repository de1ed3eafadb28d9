package uk.patrolcast.console.feed;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.patrolcast.events.AllocationPlan;
import uk.patrolcast.events.WhatIfRequest;
import uk.patrolcast.platform.kafka.KafkaClientConfigs;
import uk.patrolcast.schemas.Topics;
import uk.patrolcast.schemas.registry.RegistryOutage;
import uk.patrolcast.schemas.registry.SchemaRegistry;
import uk.patrolcast.schemas.serde.AvroSerde;

/**
 * Asks the allocator for a what-if plan: publishes a {@link WhatIfRequest} and waits for the
 * {@link AllocationPlan} answered under the same key on the results topic. Its own consumer follows
 * the results topic from its end, so a long catch-up of the main feed never delays an answer.
 */
public final class WhatIfClient implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WhatIfClient.class);

  private final KafkaProducer<String, WhatIfRequest> producer;
  private final AvroSerde<String> keys;
  private final AvroSerde<AllocationPlan> plans;
  private final Map<String, CompletableFuture<AllocationPlan>> pending = new ConcurrentHashMap<>();
  private final CompletableFuture<Void> listening = new CompletableFuture<>();
  private final PollingThread thread;
  private final Timer timer;
  private final MeterRegistry metrics;

  public WhatIfClient(String bootstrapServers, SchemaRegistry registry, MeterRegistry metrics) {
    this.keys = AvroSerde.forKey(registry);
    this.plans = Topics.WHATIF_RESULTS.valueSerde(registry);
    this.producer = new KafkaProducer<>(KafkaClientConfigs.producer(bootstrapServers, "patrolcast-console-whatif"),
        Topics.WHATIF_REQUESTS.keySerde(registry).serializer(), Topics.WHATIF_REQUESTS.valueSerde(registry).serializer());
    this.metrics = metrics;
    this.timer = Timer.builder("console_whatif_duration").description("Time from a what-if request to its answer")
        .register(metrics);
    thread = new PollingThread("console-whatif",
        KafkaClientConfigs.consumer(bootstrapServers, "patrolcast-console-whatif-results", null), this::listen, e -> {
          listening.completeExceptionally(e);
          log.error("what-if listener stopped: {}", e.toString(), e);
        });
  }

  public void start() {
    thread.start();
  }

  /**
   * Publishes the request and waits for its answer.
   *
   * @throws TimeoutException when no answer came within {@code timeout}
   */
  public AllocationPlan ask(WhatIfRequest request, Duration timeout) throws TimeoutException, InterruptedException {
    long started = System.nanoTime();
    try {
      listening.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException("The what-if results topic cannot be read: " + e.getCause().getMessage(), e.getCause());
    }
    CompletableFuture<AllocationPlan> answer = new CompletableFuture<>();
    pending.put(request.getRequestId(), answer);
    try {
      producer.send(new ProducerRecord<>(Topics.WHATIF_REQUESTS.name(), request.getRequestId(), request)).get(30, TimeUnit.SECONDS);
      long left = timeout.toNanos() - (System.nanoTime() - started);
      AllocationPlan plan = answer.get(Math.max(1, left), TimeUnit.NANOSECONDS);
      timer.record(Duration.ofNanos(System.nanoTime() - started));
      metrics.counter("console_whatif_total", "outcome", plan.getStatus().name()).increment();
      return plan;
    } catch (TimeoutException e) {
      metrics.counter("console_whatif_total", "outcome", "TIMEOUT").increment();
      throw e;
    } catch (ExecutionException e) {
      metrics.counter("console_whatif_total", "outcome", "ERROR").increment();
      throw new IllegalStateException("The what-if request could not be sent: " + e.getCause().getMessage(), e.getCause());
    } finally {
      pending.remove(request.getRequestId());
    }
  }

  private void listen(KafkaConsumer<byte[], byte[]> c, BooleanSupplier running) throws InterruptedException {
    List<TopicPartition> partitions = new ArrayList<>();
    while (running.getAsBoolean() && partitions.isEmpty()) {
      List<PartitionInfo> infos = c.partitionsFor(Topics.WHATIF_RESULTS.name(), Duration.ofSeconds(10));
      if (infos != null) {
        infos.forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
      }
      if (partitions.isEmpty()) {
        Thread.sleep(1000);
      }
    }
    c.assign(partitions);
    // Only answers to requests made from now on matter: start at the end.
    c.seekToEnd(partitions);
    partitions.forEach(tp -> c.position(tp, Duration.ofSeconds(30)));
    listening.complete(null);
    while (running.getAsBoolean()) {
      for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(500))) {
        deliver(r, running);
      }
    }
  }

  private void deliver(ConsumerRecord<byte[], byte[]> r, BooleanSupplier running) {
    try {
      String key = keys.deserialize(r.topic(), r.key());
      CompletableFuture<AllocationPlan> waiting = key == null ? null : pending.get(key);
      if (waiting != null && r.value() != null) {
        // Someone waits for this answer: wait out a registry outage rather than drop it.
        waiting.complete(RegistryOutage.readValue(plans, r, running));
      }
    } catch (RuntimeException e) {
      log.warn("Skipping unreadable what-if result {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
    }
  }

  @Override
  public void close() {
    thread.close();
    producer.close(Duration.ofSeconds(5));
  }
}
