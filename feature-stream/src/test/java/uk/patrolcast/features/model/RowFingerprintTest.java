package uk.patrolcast.features.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import uk.patrolcast.events.LsoaMonthFeatures;
import uk.patrolcast.events.LsoaProfile;
import uk.patrolcast.features.bench.Universes;

class RowFingerprintTest {
  private static final List<LsoaProfile> AREAS = Universes.grid(4, 3);

  private static LsoaMonthFeatures row(int area, Double risk, int snapshotRevision) {
    LagFeatures own = LagFeatures.of(i -> (i * 7 + area) % 4, 30);
    LagFeatures other = LagFeatures.of(i -> i % 3, 30);
    return FeatureRows.row(YearMonth.of(2023, 6), 31, AREAS.get(area), own, NeighbourFeatures.of(List.of(own, other)), risk, 2,
        snapshotRevision);
  }

  private static List<LsoaMonthFeatures> month(Double risk, int snapshotRevision) {
    return List.of(row(0, risk, snapshotRevision), row(1, risk, snapshotRevision), row(2, risk, snapshotRevision));
  }

  @Test
  void equalRowsGiveEqualFingerprintsAndAddingLeavesTheRowsAsTheyWere() {
    List<LsoaMonthFeatures> rows = month(-1.5, 3);
    long first = RowFingerprint.of(rows);
    assertThat(RowFingerprint.of(month(-1.5, 3))).isEqualTo(first);
    assertThat(rows).isEqualTo(month(-1.5, 3)); // the two fields set aside while hashing are back
    assertThat(rows.get(0).getLogRiskScore()).isEqualTo(-1.5);
    assertThat(rows.get(0).getSnapshotRevision()).isEqualTo(3);
  }

  @Test
  void aNewRiskScoreOrSnapshotRevisionDoesNotChangeIt() {
    long published = RowFingerprint.of(month(null, 1));
    assertThat(RowFingerprint.of(month(0.25, 1))).isEqualTo(published);
    assertThat(RowFingerprint.of(month(null, 7))).isEqualTo(published);
  }

  @Test
  void everyOtherFieldOfEveryRowChangesIt() {
    long published = RowFingerprint.of(month(0.5, 1));
    int covered = 0;
    for (Schema.Field field : LsoaMonthFeatures.getClassSchema().getFields()) {
      if (field.name().equals("logRiskScore") || field.name().equals("snapshotRevision")) {
        continue;
      }
      for (int r = 0; r < 3; r++) {
        List<LsoaMonthFeatures> rows = month(0.5, 1);
        LsoaMonthFeatures changed = rows.get(r);
        changed.put(field.pos(), different(changed.get(field.pos()), field));
        assertThat(RowFingerprint.of(rows)).as(field.name() + " of row " + r).isNotEqualTo(published);
      }
      covered++;
    }
    assertThat(covered).isEqualTo(LsoaMonthFeatures.getClassSchema().getFields().size() - 2);
  }

  @Test
  void aNullDiffersFromZeroAndRowOrderCounts() {
    List<LsoaMonthFeatures> rows = month(null, 1);
    LsoaMonthFeatures withNull = LsoaMonthFeatures.newBuilder(rows.get(0)).setLag12(null).build();
    LsoaMonthFeatures withZero = LsoaMonthFeatures.newBuilder(rows.get(0)).setLag12(0).build();
    assertThat(RowFingerprint.of(List.of(withNull))).isNotEqualTo(RowFingerprint.of(List.of(withZero)));
    assertThat(RowFingerprint.of(List.of(rows.get(0), rows.get(1)))).isNotEqualTo(RowFingerprint.of(List.of(rows.get(1), rows.get(0))));
  }

  private static Object different(Object value, Schema.Field field) {
    Schema schema = field.schema();
    if (schema.getType() == Schema.Type.UNION) {
      if (value == null) {
        schema = schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).findFirst().orElseThrow();
        return switch (schema.getType()) {
          case INT -> 0;
          case DOUBLE -> 0.0;
          case LONG -> 0L;
          default -> "x";
        };
      }
    }
    if (value instanceof Integer i) {
      return i + 1;
    }
    if (value instanceof Double d) {
      return d + 0.5;
    }
    if (value instanceof Long l) {
      return l + 1;
    }
    return value + "x";
  }
}
