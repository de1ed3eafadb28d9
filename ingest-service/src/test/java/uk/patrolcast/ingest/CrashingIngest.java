package uk.patrolcast.ingest;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.YearMonth;
import uk.patrolcast.ingest.publish.PublishedState;
import uk.patrolcast.ingest.publish.SourcePublisher;
import uk.patrolcast.ingest.rows.StreetSourceReader;
import uk.patrolcast.schemas.registry.SchemaRegistryClient;

/**
 * Run in a child JVM by {@link CrashRestartIT}: ingests the City's file of 2022-05, then the Met's,
 * and dies (halt, no shutdown hooks, no abort) after the given number of sends of the Met file, once
 * they have reached the broker inside the open transaction.
 */
public final class CrashingIngest {
  private CrashingIngest() {}

  public static void main(String[] args) {
    String bootstrap = args[0];
    SchemaRegistryClient registry = new SchemaRegistryClient(args[1]);
    long crashAt = Long.parseLong(args[2]);
    PublishedState state = PublishedState.read(bootstrap, registry);
    long[] before = {-1};
    SourcePublisher publisher = new SourcePublisher(bootstrap, registry, KafkaRig.TX_ID, (p, n) -> {
      if (before[0] >= 0 && n - before[0] == crashAt) {
        p.flush();
        System.out.println("CRASHING after " + crashAt + " sends of the Met file");
        System.out.flush();
        Runtime.getRuntime().halt(137);
      }
    });
    SourceIngestion ingestion = new SourceIngestion(new StreetSourceReader(TinyLondon.harmoniser(), 1 << 16, YearMonth.of(2024, 1)),
        publisher, state, Forces.parse(Forces.DEFAULT), new IngestMetrics(new SimpleMeterRegistry()), 5);
    ingestion.ingest(CrashRestartIT.city());
    System.out.println("CITY COMMITTED");
    before[0] = 0;
    ingestion.ingest(CrashRestartIT.met());
    System.out.println("MET COMMITTED (the crash did not happen)");
    System.exit(3);
  }
}
