package uk.patrolcast.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build-time guard: an incompatible schema change must fail the build. */
class SchemaHistoryTest {
  static final String V1 = "{\"type\":\"record\",\"name\":\"E\",\"namespace\":\"t\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}";
  static final String ADD_WITH_DEFAULT =
      "{\"type\":\"record\",\"name\":\"E\",\"namespace\":\"t\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"},{\"name\":\"b\",\"type\":\"int\",\"default\":0}]}";
  static final String ADD_WITHOUT_DEFAULT =
      "{\"type\":\"record\",\"name\":\"E\",\"namespace\":\"t\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"},{\"name\":\"b\",\"type\":\"int\"}]}";
  static final String TYPE_CHANGED = "{\"type\":\"record\",\"name\":\"E\",\"namespace\":\"t\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}";

  @TempDir Path dir;

  private SchemaHistory history(String current) throws IOException {
    Path avro = Files.createDirectories(dir.resolve("avro"));
    Path recorded = Files.createDirectories(dir.resolve("history/E"));
    Files.writeString(recorded.resolve("v1.avsc"), V1);
    Files.writeString(avro.resolve("E.avsc"), current);
    return new SchemaHistory(avro, dir.resolve("history"));
  }

  @Test
  void compatibleChangePassesAndIsRecordedAsTheNextVersion() throws IOException {
    SchemaHistory h = history(ADD_WITH_DEFAULT);
    assertThat(h.check()).isEmpty();
    assertThat(h.unrecorded()).containsExactly("E");
    assertThat(h.record()).containsExactly("E/v2.avsc");
    assertThat(h.unrecorded()).isEmpty();
  }

  @Test
  void newRequiredFieldFailsTheBuild() throws IOException {
    history(ADD_WITHOUT_DEFAULT);
    assertThatThrownBy(() -> SchemaHistory.main(new String[] {"check", dir.resolve("avro").toString(), dir.resolve("history").toString()}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("E.avsc cannot read data written with recorded v1")
        .hasMessageContaining("READER_FIELD_MISSING_DEFAULT_VALUE");
  }

  @Test
  void changedTypeFailsAndIsNotRecorded() throws IOException {
    SchemaHistory h = history(TYPE_CHANGED);
    assertThat(h.check()).singleElement().asString().contains("TYPE_MISMATCH");
    assertThatThrownBy(h::record).hasMessageContaining("Not recording");
  }

  @Test
  void removingARecordedSchemaFails() throws IOException {
    SchemaHistory h = history(V1);
    Files.delete(dir.resolve("avro/E.avsc"));
    assertThat(h.check()).singleElement().asString().contains("no longer in");
  }

  @Test
  void theRepositorysOwnSchemasPassTheirRecordedHistory() throws IOException {
    Path avro = Path.of("src/main/avro");
    Path recorded = Path.of("src/main/avro-history");
    assertThat(new SchemaHistory(avro, recorded).check()).isEmpty();
  }
}
