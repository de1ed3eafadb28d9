package uk.patrolcast.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class InMemorySchemaRegistryTest {
  static final Schema V1 = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"A\",\"fields\":[{\"name\":\"x\",\"type\":\"int\"}]}");
  static final Schema V2 = new Schema.Parser().parse(
      "{\"type\":\"record\",\"name\":\"A\",\"fields\":[{\"name\":\"x\",\"type\":\"int\"},{\"name\":\"y\",\"type\":\"string\",\"default\":\"\"}]}");
  static final Schema BREAKING = new Schema.Parser().parse(
      "{\"type\":\"record\",\"name\":\"A\",\"fields\":[{\"name\":\"x\",\"type\":\"int\"},{\"name\":\"z\",\"type\":\"long\"}]}");

  @Test
  void sameSchemaKeepsItsIdAcrossSubjectsAndAddsNoVersion() {
    InMemorySchemaRegistry r = new InMemorySchemaRegistry();
    int a = r.register("a-value", V1);
    int b = r.register("b-value", V1);
    assertThat(b).isEqualTo(a);
    assertThat(r.register("a-value", V1)).isEqualTo(a);
    assertThat(r.versions("a-value")).containsExactly(1);
    assertThat(r.lookup("b-value", V1).version()).isEqualTo(1);
  }

  @Test
  void refusesIncompatibleSchemaWith409() {
    InMemorySchemaRegistry r = new InMemorySchemaRegistry(Compatibility.BACKWARD_TRANSITIVE, e -> {});
    r.register("s", V1);
    assertThat(r.register("s", V2)).isEqualTo(2);
    assertThat(r.isCompatible("s", BREAKING, "latest")).isFalse();
    assertThatThrownBy(() -> r.register("s", BREAKING))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(409);
          assertThat(e.getMessage()).contains("READER_FIELD_MISSING_DEFAULT_VALUE").contains("'s'");
        });
    assertThat(r.versions("s")).containsExactly(1, 2);
  }

  @Test
  void transitiveLevelChecksEveryEarlierVersion() {
    Schema withDefaultZ = new Schema.Parser().parse(
        "{\"type\":\"record\",\"name\":\"A\",\"fields\":[{\"name\":\"x\",\"type\":\"int\"},{\"name\":\"z\",\"type\":\"long\",\"default\":0}]}");
    Schema zRequired = BREAKING;
    InMemorySchemaRegistry plain = new InMemorySchemaRegistry(Compatibility.BACKWARD, e -> {});
    plain.register("s", V1);
    plain.register("s", withDefaultZ);
    // BACKWARD checks only the latest, which has z: requiring z is fine against it...
    assertThat(plain.register("s", zRequired)).isPositive();
    InMemorySchemaRegistry transitive = new InMemorySchemaRegistry(Compatibility.BACKWARD_TRANSITIVE, e -> {});
    transitive.register("s", V1);
    transitive.register("s", withDefaultZ);
    // ...but not against v1, which had no z.
    assertThatThrownBy(() -> transitive.register("s", zRequired)).isInstanceOf(SchemaRegistryException.class);
  }

  @Test
  void unknownThingsAre404WithConfluentCodes() {
    InMemorySchemaRegistry r = new InMemorySchemaRegistry();
    assertThatThrownBy(() -> r.versions("nope")).isInstanceOfSatisfying(SchemaRegistryException.class,
        e -> assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SUBJECT_NOT_FOUND));
    assertThatThrownBy(() -> r.schemaById(9)).isInstanceOfSatisfying(SchemaRegistryException.class,
        e -> assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SCHEMA_NOT_FOUND));
    r.register("s", V1);
    assertThatThrownBy(() -> r.version("s", 5)).isInstanceOfSatisfying(SchemaRegistryException.class,
        e -> assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.VERSION_NOT_FOUND));
  }

  @Test
  void deletedSubjectDisappearsButItsIdStillResolves() {
    InMemorySchemaRegistry r = new InMemorySchemaRegistry();
    int id = r.register("s", V1);
    assertThat(r.deleteSubject("s")).containsExactly(1);
    assertThat(r.subjects()).isEmpty();
    assertThat(r.schemaById(id)).isEqualTo(V1);
  }

  @Test
  void replayingTheJournalRebuildsTheSameState() {
    List<RegistryEvent> journal = new ArrayList<>();
    InMemorySchemaRegistry r = new InMemorySchemaRegistry(Compatibility.BACKWARD_TRANSITIVE, journal::add);
    r.register("a", V1);
    r.register("a", V2);
    r.setCompatibility("b", Compatibility.NONE);
    r.register("b", BREAKING);
    r.deleteSubject("a");
    int idOfBreaking = r.lookup("b", BREAKING).id();

    InMemorySchemaRegistry replayed = new InMemorySchemaRegistry(Compatibility.BACKWARD_TRANSITIVE, e -> {});
    journal.forEach(replayed::replay);
    assertThat(replayed.subjects()).containsExactly("b");
    assertThat(replayed.lookup("b", BREAKING).id()).isEqualTo(idOfBreaking);
    assertThat(replayed.compatibility("b")).isEqualTo(Compatibility.NONE);
    // New ids continue after the replayed ones.
    assertThat(replayed.register("c", Schema.create(Schema.Type.STRING))).isGreaterThan(idOfBreaking);
  }

  @Test
  void aFailingJournalChangesNothing() {
    InMemorySchemaRegistry r = new InMemorySchemaRegistry(Compatibility.BACKWARD, e -> {
      throw new SchemaRegistryException(500, SchemaRegistryException.STORE_ERROR, "store down");
    });
    assertThatThrownBy(() -> r.register("s", V1)).hasMessageContaining("store down");
    assertThat(r.subjects()).isEmpty();
  }

  @Test
  void parsesCompatibilityLevelsOrSaysWhichExist() {
    assertThat(Compatibility.parse("backward_transitive")).isEqualTo(Compatibility.BACKWARD_TRANSITIVE);
    assertThatThrownBy(() -> Compatibility.parse("SIDEWAYS")).hasMessageContaining("FULL_TRANSITIVE");
  }
}
