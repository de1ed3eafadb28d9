package uk.patrolcast.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import uk.patrolcast.events.SnapshotCause;
import uk.patrolcast.events.SnapshotReady;
import uk.patrolcast.schemas.Topics;
import uk.patrolcast.schemas.registry.Compatibility;
import uk.patrolcast.schemas.registry.SchemaRegistryClient;
import uk.patrolcast.schemas.registry.SchemaRegistryException;
import uk.patrolcast.schemas.serde.AvroSerde;

/**
 * The Confluent Schema Registry API as our client uses it, run unchanged against every registry we
 * support: the development registry and an independent one (Apicurio's ccompat API in CI). Subjects
 * are unique per test so a shared server needs no cleanup.
 */
abstract class SchemaRegistryContract {
  static final Schema V1 = new Schema.Parser().parse(
      "{\"type\":\"record\",\"name\":\"Area\",\"namespace\":\"contract\",\"fields\":[{\"name\":\"code\",\"type\":\"string\"}]}");
  static final Schema V2 = new Schema.Parser().parse(
      "{\"type\":\"record\",\"name\":\"Area\",\"namespace\":\"contract\",\"fields\":[{\"name\":\"code\",\"type\":\"string\"},"
          + "{\"name\":\"count\",\"type\":\"int\",\"default\":0}]}");
  static final Schema INCOMPATIBLE = new Schema.Parser().parse(
      "{\"type\":\"record\",\"name\":\"Area\",\"namespace\":\"contract\",\"fields\":[{\"name\":\"code\",\"type\":\"long\"}]}");

  abstract String registryUrl();

  SchemaRegistryClient client() {
    return new SchemaRegistryClient(registryUrl());
  }

  static String subject() {
    return "contract-" + UUID.randomUUID() + "-value";
  }

  @Test
  void registersLooksUpAndResolvesById() {
    SchemaRegistryClient c = client();
    String s = subject();
    int id = c.register(s, V1);
    assertThat(c.register(s, V1)).isEqualTo(id);
    assertThat(c.versions(s)).containsExactly(1);
    assertThat(c.lookup(s, V1).id()).isEqualTo(id);
    assertThat(c.lookup(s, V1).version()).isEqualTo(1);
    assertThat(new SchemaRegistryClient(registryUrl()).schemaById(id)).isEqualTo(V1);
    assertThat(c.subjects()).contains(s);
    assertThat(c.latest(s).schema()).isEqualTo(V1);
  }

  @Test
  void evolvesCompatiblyAndRefusesIncompatibleSchemaWith409() {
    SchemaRegistryClient c = client();
    String s = subject();
    // Apicurio keeps per-subject settings on the subject, so it must exist first (Confluent does not mind).
    c.register(s, V1);
    c.setCompatibility(s, Compatibility.BACKWARD_TRANSITIVE);
    assertThat(c.compatibility(s)).isEqualTo(Compatibility.BACKWARD_TRANSITIVE);
    assertThat(c.isCompatible(s, V2, "latest")).isTrue();
    c.register(s, V2);
    assertThat(c.versions(s)).containsExactly(1, 2);
    assertThat(c.version(s, 2).schema()).isEqualTo(V2);
    assertThat(c.isCompatible(s, INCOMPATIBLE, "latest")).isFalse();
    assertThatThrownBy(() -> c.register(s, INCOMPATIBLE))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.httpStatus()).isEqualTo(409));
    assertThat(c.versions(s)).containsExactly(1, 2);
  }

  @Test
  void unknownSubjectAndIdAre404() {
    SchemaRegistryClient c = client();
    assertThatThrownBy(() -> c.versions(subject()))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(404);
          assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SUBJECT_NOT_FOUND);
        });
    assertThatThrownBy(() -> c.schemaById(987_654))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SCHEMA_NOT_FOUND));
  }

  @Test
  void deletesASubject() {
    SchemaRegistryClient c = client();
    String s = subject();
    c.register(s, V1);
    assertThat(c.deleteSubject(s)).containsExactly(1);
    assertThatThrownBy(() -> c.versions(s)).isInstanceOf(SchemaRegistryException.class);
  }

  @Test
  void serdeRoundTripsThroughTheRegistry() {
    SchemaRegistryClient c = client();
    String topic = "contract-" + UUID.randomUUID();
    AvroSerde<SnapshotReady> writer = AvroSerde.forValue(SnapshotReady.class, c);
    SnapshotReady ready = SnapshotReady.newBuilder().setMonth("2024-02").setRevision(1).setLsoaCount(4994)
        .setTotalCount(4000).setMonthRevision(1).setCause(SnapshotCause.CLOSED).setReadyAt(java.time.Instant.EPOCH).build();
    byte[] bytes = writer.serialize(topic, ready);
    // A separate reader with a cold cache resolves the id from the registry.
    assertThat(Topics.SNAPSHOT_READY.valueSerde(new SchemaRegistryClient(registryUrl())).deserialize(topic, bytes)).isEqualTo(ready);
    assertThat(c.subjects()).contains(topic + "-value");
  }
}
