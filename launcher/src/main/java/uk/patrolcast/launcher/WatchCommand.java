package uk.patrolcast.launcher;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import uk.patrolcast.events.AllocationPlan;
import uk.patrolcast.events.LsoaAllocation;
import uk.patrolcast.platform.config.ServiceConfig;
import uk.patrolcast.platform.kafka.KafkaClientConfigs;
import uk.patrolcast.platform.kafka.KafkaCluster;
import uk.patrolcast.schemas.Topics;
import uk.patrolcast.schemas.registry.SchemaRegistryClient;
import uk.patrolcast.schemas.serde.AvroSerde;

/**
 * {@code patrolcast watch plans}: subscribes to the plan topic as a downstream team would (its own
 * consumer group, Avro through the registry) and prints each new plan's summary as it arrives.
 */
@Command(
    name = "watch",
    mixinStandardHelpOptions = true,
    description = "Subscribe to a topic and print each new event's summary as it arrives (Ctrl-C stops).")
final class WatchCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "WHAT", description = "What to watch: plans.")
  String what;

  @Mixin ConnectionOptions connection;

  @Option(names = "--from-beginning", description = "Print the plans already on the topic too.")
  boolean fromBeginning;

  @Option(names = "--max", paramLabel = "N", defaultValue = "0", description = "Stop after N plans (0: never).")
  int max;

  @Option(names = "--group", paramLabel = "GROUP", description = "Consumer group (default: a new one per run).")
  String group;

  @Override
  public Integer call() {
    if (!"plans".equals(what)) {
      throw new IllegalArgumentException("Unknown WHAT '" + what + "': only 'plans' can be watched");
    }
    ServiceConfig config = new ServiceConfig(ServiceConfig.base(),
        ServiceConfig.merge(ServiceConfig.base(), connection.fileValues(), System.getenv(), connection.commandLineValues()));
    KafkaCluster.requireReachable(config.bootstrapServers(), Duration.ofSeconds(15));
    SchemaRegistryClient registry = config.schemaRegistry();
    AvroSerde<String> keys = Topics.PLANS.keySerde(registry);
    AvroSerde<AllocationPlan> values = Topics.PLANS.valueSerde(registry);
    Properties props = KafkaClientConfigs.consumer(config.bootstrapServers(), "patrolcast-watch",
        group != null ? group : "patrolcast-watch-" + UUID.randomUUID());
    props.put("auto.offset.reset", fromBeginning ? "earliest" : "latest");
    AtomicBoolean stopping = new AtomicBoolean();
    try (KafkaConsumer<String, AllocationPlan> consumer = new KafkaConsumer<>(props, keys.deserializer(), values.deserializer())) {
      Thread main = Thread.currentThread();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        stopping.set(true);
        consumer.wakeup();
        try {
          main.join(5000);
        } catch (InterruptedException ignored) {
          Thread.currentThread().interrupt();
        }
      }));
      consumer.subscribe(List.of(Topics.PLANS.name()));
      System.out.println("Watching " + Topics.PLANS.name() + " on " + config.bootstrapServers() + " ...");
      int seen = 0;
      while (!stopping.get()) {
        for (ConsumerRecord<String, AllocationPlan> r : consumer.poll(Duration.ofMillis(500))) {
          if (r.value() != null) {
            print(r.value(), System.out);
            seen++;
            if (max > 0 && seen >= max) {
              return 0;
            }
          }
        }
        consumer.commitSync();
      }
    } catch (WakeupException e) {
      // Ctrl-C
    }
    return 0;
  }

  /** One plan as a few lines a person reads at a glance. */
  static void print(AllocationPlan p, PrintStream out) {
    out.printf(Locale.ROOT, "plan %s  origin %s  %s  status %s%n", p.getPlanId(), p.getOriginMonth(), p.getKind(), p.getStatus());
    if (p.getMessage() != null) {
      out.println("  " + p.getMessage());
    }
    if (p.getLsoas().isEmpty()) {
      // A refusal: no hours, the message says why.
      out.flush();
      return;
    }
    List<String> months = p.getMonths();
    for (int m = 0; m < months.size(); m++) {
      double hours = 0;
      double forecast = 0;
      for (LsoaAllocation a : p.getLsoas()) {
        hours += a.getHours().get(m);
        forecast += a.getForecast().get(m);
      }
      out.printf(Locale.ROOT, "  %s  %,10.1f patrol hours  %,8.1f forecast burglaries%n", months.get(m), hours, forecast);
    }
    out.printf(Locale.ROOT, "  objective %.3f  gap %.2e  solved in %d ms by %s%n", p.getObjective(), p.getGap(), p.getSolveMillis(), p.getSolver());
    if (!p.getBindingConstraints().isEmpty()) {
      out.println("  binding: " + String.join(", ", p.getBindingConstraints().subList(0, Math.min(6, p.getBindingConstraints().size())))
          + (p.getBindingConstraints().size() > 6 ? " ..." : ""));
    }
    if (p.getFairness() != null) {
      out.printf(Locale.ROOT, "  hours per forecast burglary across wards: %.1f .. %.1f; forecast share above minimum %.1f%%%n",
          p.getFairness().getMinHoursPerForecastBurglary(), p.getFairness().getMaxHoursPerForecastBurglary(),
          100 * p.getFairness().getForecastShareAboveMinimum());
    }
    if (p.getChange() != null) {
      out.printf(Locale.ROOT, "  vs %s: %d LSOA-months changed, %.1f hours moved%n",
          p.getChange().getPreviousPlanId(), p.getChange().getLsoasChanged(), p.getChange().getHoursMoved());
    }
    out.printf(Locale.ROOT, "  lineage: forecast model %s, data month %s (revision %d)%n",
        p.getForecastModelVersion(), p.getDataMonth(), p.getDataRevision());
    out.flush();
  }

}
