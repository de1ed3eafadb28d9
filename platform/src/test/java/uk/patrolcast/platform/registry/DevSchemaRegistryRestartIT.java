package uk.patrolcast.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.patrolcast.platform.stack.LocalStack;
import uk.patrolcast.schemas.registry.Compatibility;
import uk.patrolcast.schemas.registry.SchemaRegistryClient;

/** A persistent local stack keeps its schemas (and their ids) across a restart. */
class DevSchemaRegistryRestartIT {
  @TempDir Path dir;

  @Test
  void schemasSurviveARestartOfTheStack() {
    Schema other = Schema.create(Schema.Type.STRING);
    int id;
    try (LocalStack stack = LocalStack.startPersistent(dir, 0, 0, 0)) {
      SchemaRegistryClient c = new SchemaRegistryClient(stack.schemaRegistryUrl());
      c.register("a-value", other);
      id = c.register("b-value", SchemaRegistryContract.V1);
      c.register("b-value", SchemaRegistryContract.V2);
      c.setCompatibility("b-value", Compatibility.FULL);
    }
    assertThat(Files.exists(dir.resolve("kafka/meta.properties"))).isTrue();
    try (LocalStack stack = LocalStack.startPersistent(dir, 0, 0, 0)) {
      SchemaRegistryClient c = new SchemaRegistryClient(stack.schemaRegistryUrl());
      assertThat(c.schemaById(id)).isEqualTo(SchemaRegistryContract.V1);
      assertThat(c.versions("b-value")).containsExactly(1, 2);
      assertThat(c.compatibility("b-value")).isEqualTo(Compatibility.FULL);
      // New registrations continue the id sequence instead of reusing ids.
      assertThat(c.register("c-value", Schema.create(Schema.Type.LONG))).isGreaterThan(id + 1);
    }
  }
}
