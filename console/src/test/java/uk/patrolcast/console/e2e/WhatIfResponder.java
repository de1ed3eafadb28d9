package uk.patrolcast.console.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.patrolcast.events.AllocationPlan;
import uk.patrolcast.console.feed.PollingThread;
import uk.patrolcast.events.WhatIfRequest;
import uk.patrolcast.platform.kafka.KafkaClientConfigs;
import uk.patrolcast.schemas.Topics;
import uk.patrolcast.schemas.registry.SchemaRegistry;
import uk.patrolcast.schemas.serde.AvroSerde;

/** Until the allocator exists: answers each what-if request on the results topic under the same key. */
final class WhatIfResponder implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WhatIfResponder.class);

  private final FixturePlans plans;
  private final Supplier<AllocationPlan> current;
  private final AvroSerde<String> keys;
  private final AvroSerde<WhatIfRequest> requests;
  private final KafkaProducer<String, AllocationPlan> producer;
  private final CountDownLatch positioned = new CountDownLatch(1);
  private final PollingThread thread;
  volatile int answered;

  WhatIfResponder(String bootstrapServers, SchemaRegistry registry, FixturePlans plans, Supplier<AllocationPlan> current) {
    this.plans = plans;
    this.current = current;
    this.keys = AvroSerde.forKey(registry);
    this.requests = Topics.WHATIF_REQUESTS.valueSerde(registry);
    this.producer = new KafkaProducer<>(KafkaClientConfigs.producer(bootstrapServers, "fixture-whatif"),
        Topics.WHATIF_RESULTS.keySerde(registry).serializer(), Topics.WHATIF_RESULTS.valueSerde(registry).serializer());
    this.thread = new PollingThread("fixture-whatif-responder",
        KafkaClientConfigs.consumer(bootstrapServers, "fixture-whatif-requests", null), this::run,
        e -> log.error("what-if responder stopped: {}", e.toString(), e));
  }

  void start() throws InterruptedException {
    thread.start();
    if (!positioned.await(60, TimeUnit.SECONDS)) {
      throw new IllegalStateException("The what-if responder could not reach the requests topic");
    }
  }

  private void run(KafkaConsumer<byte[], byte[]> c, BooleanSupplier running) {
    List<TopicPartition> partitions = new ArrayList<>();
    c.partitionsFor(Topics.WHATIF_REQUESTS.name(), Duration.ofSeconds(30))
        .forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
    c.assign(partitions);
    c.seekToEnd(partitions);
    partitions.forEach(tp -> c.position(tp, Duration.ofSeconds(30)));
    positioned.countDown();
    while (running.getAsBoolean()) {
      for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(300))) {
        WhatIfRequest request = requests.deserialize(r.topic(), r.value());
        String key = keys.deserialize(r.topic(), r.key());
        AllocationPlan answer = plans.whatIf(request, current.get());
        producer.send(new ProducerRecord<>(Topics.WHATIF_RESULTS.name(), key, answer));
        producer.flush();
        answered++;
        log.info("fixture answered what-if {} with {}", key, answer.getStatus());
      }
    }
  }

  @Override
  public void close() {
    thread.close();
    producer.close(Duration.ofSeconds(5));
  }
}
