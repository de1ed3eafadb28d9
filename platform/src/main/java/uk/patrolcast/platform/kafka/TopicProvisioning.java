package uk.patrolcast.platform.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.patrolcast.schemas.TopicSpec;
import uk.patrolcast.schemas.Topics;

/**
 * Makes the broker hold the catalogue's topics: creates the missing ones, raises partition counts that
 * are lower than asked (never lowers them: that would move keys), and sets each topic's configs to
 * what the catalogue says. Safe to run on every start.
 */
public final class TopicProvisioning {
  private static final Logger log = LoggerFactory.getLogger(TopicProvisioning.class);

  private TopicProvisioning() {}

  /** Every catalogue topic with its own partition count and replication factor 1. */
  public static void ensureAll(Admin admin) {
    ensure(admin, Topics.ALL, 0, (short) 1);
  }

  /**
   * @param partitionsOverride when positive, the partition count of every multi-partition topic
   *     (single-partition topics stay single: they carry ordered, low-volume events)
   * @param replicationFactor replicas per partition
   */
  public static void ensure(Admin admin, Collection<TopicSpec<?>> specs, int partitionsOverride, short replicationFactor) {
    try {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing = new ArrayList<>();
      for (TopicSpec<?> spec : specs) {
        if (!existing.contains(spec.name())) {
          missing.add(new NewTopic(spec.name(), partitions(spec, partitionsOverride), replicationFactor).configs(spec.topicConfigs()));
        }
      }
      if (!missing.isEmpty()) {
        try {
          admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
          log.info("Created topics {}", missing.stream().map(NewTopic::name).toList());
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
        }
      }
      // A topic just created may not be known yet to the broker that answers (its metadata follows the
      // controller's a moment later; seen once on a loaded machine): try again until it is.
      untilKnown(() -> {
        List<String> names = specs.stream().map(TopicSpec::name).toList();
        Map<String, TopicDescription> descriptions = admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS);
        Map<String, NewPartitions> grow = new HashMap<>();
        Map<ConfigResource, Collection<AlterConfigOp>> configs = new HashMap<>();
        for (TopicSpec<?> spec : specs) {
          int want = partitions(spec, partitionsOverride);
          int have = descriptions.get(spec.name()).partitions().size();
          if (have < want) {
            grow.put(spec.name(), NewPartitions.increaseTo(want));
          }
          List<AlterConfigOp> ops = new ArrayList<>();
          spec.topicConfigs().forEach((k, v) -> ops.add(new AlterConfigOp(new ConfigEntry(k, v), AlterConfigOp.OpType.SET)));
          configs.put(new ConfigResource(ConfigResource.Type.TOPIC, spec.name()), ops);
        }
        if (!grow.isEmpty()) {
          admin.createPartitions(grow).all().get(60, TimeUnit.SECONDS);
          log.info("Raised partition counts: {}", grow.keySet());
        }
        admin.incrementalAlterConfigs(configs).all().get(60, TimeUnit.SECONDS);
      }, KNOWN_PATIENCE);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Cannot create the Patrolcast topics: " + e.getCause().getMessage(), e.getCause());
    } catch (Exception e) {
      throw new IllegalStateException("Cannot create the Patrolcast topics: " + e, e);
    }
  }

  /** How long provisioning waits for new topics to become known to the broker it talks to. */
  static final Duration KNOWN_PATIENCE = Duration.ofSeconds(30);

  /** An admin step, which may fail with the {@link ExecutionException} of an admin call. */
  interface AdminStep {
    void run() throws ExecutionException, InterruptedException, TimeoutException;
  }

  /**
   * Runs {@code step} (idempotent) again while it fails because a topic is unknown, for up to
   * {@code patience}; any other failure, or the last one, is thrown.
   */
  static void untilKnown(AdminStep step, Duration patience) throws ExecutionException, InterruptedException, TimeoutException {
    long deadline = System.nanoTime() + patience.toNanos();
    while (true) {
      try {
        step.run();
        return;
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
          throw e;
        }
        log.info("A topic is not known yet to the broker ({}); trying again", e.getCause().getMessage());
        Thread.sleep(200);
      }
    }
  }

  static int partitions(TopicSpec<?> spec, int override) {
    return override > 0 && spec.partitions() > 1 ? override : spec.partitions();
  }
}
