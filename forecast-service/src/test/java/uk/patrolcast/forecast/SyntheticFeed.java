package uk.patrolcast.forecast;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import uk.patrolcast.events.CensusShares;
import uk.patrolcast.events.IodScores;
import uk.patrolcast.events.LsoaMonthFeatures;
import uk.patrolcast.events.LsoaProfile;
import uk.patrolcast.events.SnapshotCause;
import uk.patrolcast.events.SnapshotReady;
import uk.patrolcast.forecast.data.AreaProfiles;
import uk.patrolcast.forecast.data.FeatureTable;
import uk.patrolcast.platform.config.Months;
import uk.patrolcast.platform.kafka.KafkaClientConfigs;
import uk.patrolcast.schemas.TopicSpec;
import uk.patrolcast.schemas.Topics;
import uk.patrolcast.schemas.registry.SchemaRegistry;

/**
 * A {@link SyntheticData} table published to the real topics as the feature stream would: profiles,
 * then each month's feature rows with its SnapshotReady sent before the month's last row (a reader
 * must not depend on the order), at a snapshot revision of the caller's choosing (a correction
 * re-emits every row of the month at the next revision).
 */
public final class SyntheticFeed implements AutoCloseable {
  private final SchemaRegistry registry;
  private final FeatureTable table;
  private final KafkaProducer<byte[], byte[]> producer;

  public SyntheticFeed(String bootstrap, SchemaRegistry registry, FeatureTable table, String clientId) {
    this.registry = registry;
    this.table = table;
    this.producer = new KafkaProducer<>(KafkaClientConfigs.producer(bootstrap, clientId), new ByteArraySerializer(), new ByteArraySerializer());
  }

  /** Profiles and every month at revision 1, flushed. */
  public void all() {
    profiles();
    for (int m = 0; m < table.counts().months(); m++) {
      month(m, 1, SnapshotCause.CLOSED, table.counts().monthCounts(m));
    }
    producer.flush();
  }

  public void profiles() {
    for (LsoaProfile p : profiles(table.areas())) {
      send(Topics.LSOA_PROFILES, p.getLsoa21cd(), p);
    }
  }

  /** The areas' profiles in area order, with their neighbour lists. */
  static List<LsoaProfile> profiles(AreaProfiles areas) {
    List<LsoaProfile> out = new ArrayList<>();
    for (int i = 0; i < areas.size(); i++) {
      List<String> nb = new ArrayList<>();
      for (int j : areas.neighbours(i)) {
        nb.add(areas.code(j));
      }
      out.add(profile(areas, i, nb));
    }
    return out;
  }

  /** Month index {@code m} of the table, its rows at {@code revision} with the given counts (one per area). */
  public void month(int m, int revision, SnapshotCause cause, int[] counts) {
    AreaProfiles areas = table.areas();
    String month = Months.format(table.counts().month(m));
    int total = 0;
    for (int c : counts) {
      total += c;
    }
    for (int i = 0; i < areas.size(); i++) {
      if (i == areas.size() - 1) {
        send(Topics.SNAPSHOT_READY, month, new SnapshotReady(month, revision, areas.size(), total, 1, cause, Instant.now()));
      }
      send(Topics.FEATURES, areas.code(i) + ":" + month, row(areas, i, month, counts[i], m + 1, revision));
    }
  }

  public void flush() {
    producer.flush();
  }

  @Override
  public void close() {
    producer.close();
  }

  private <V extends SpecificRecord> void send(TopicSpec<V> spec, String key, V value) {
    producer.send(new ProducerRecord<>(spec.name(), spec.keySerde(registry).serializer().serialize(spec.name(), key),
        spec.valueSerde(registry).serializer().serialize(spec.name(), value)));
  }

  private static LsoaMonthFeatures row(AreaProfiles a, int i, String month, int count, int history, int revision) {
    return LsoaMonthFeatures.newBuilder().setLsoa21cd(a.code(i)).setMonth(month).setWardCode(a.ward(i)).setBoroughCode(a.borough(i))
        .setCount(count).setHistory(history).setMonthOfYear(Integer.parseInt(month.substring(5))).setNeighbourCount(a.neighbours(i).length)
        .setPopulation((int) a.staticValue(i, "population")).setAreaKm2(a.staticValue(i, "areaKm2")).setDensity(a.staticValue(i, "density"))
        .setImd(a.staticValue(i, "imd")).setIncome(a.staticValue(i, "income")).setEmployment(a.staticValue(i, "employment"))
        .setEducation(a.staticValue(i, "education")).setHealth(a.staticValue(i, "health")).setCrime(a.staticValue(i, "crime"))
        .setHousingBarriers(a.staticValue(i, "housingBarriers")).setLivingEnvironment(a.staticValue(i, "livingEnvironment"))
        .setOwned(a.staticValue(i, "owned")).setSocialRented(a.staticValue(i, "socialRented"))
        .setPrivateRented(a.staticValue(i, "privateRented")).setFlats(a.staticValue(i, "flats")).setDetached(a.staticValue(i, "detached"))
        .setOvercrowded(a.staticValue(i, "overcrowded")).setStudents(a.staticValue(i, "students")).setMonthRevision(1)
        .setSnapshotRevision(revision).build();
  }

  private static LsoaProfile profile(AreaProfiles a, int i, List<String> neighbours) {
    return LsoaProfile.newBuilder().setLsoa21cd(a.code(i)).setName(a.code(i)).setWardCode(a.ward(i)).setWardName("ward")
        .setBoroughCode(a.borough(i)).setBoroughName("borough").setAreaKm2(a.staticValue(i, "areaKm2"))
        .setPopulation((int) a.staticValue(i, "population")).setCentroidLat(51.5).setCentroidLon(-0.1).setNeighbours(neighbours)
        .setNeighbourMethod("ring (test)").setIod(new IodScores(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0))
        .setCensus(new CensusShares(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)).setSources("test")
        .build();
  }
}
