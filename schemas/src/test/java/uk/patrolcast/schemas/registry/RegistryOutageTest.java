package uk.patrolcast.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RegistryOutageTest {

  @Test
  void anUnreachableOrFailingRegistryIsWaitedOutAndTheRecordReadAfterwards() {
    AtomicInteger calls = new AtomicInteger();
    String value = RegistryOutage.readThrough(() -> {
      int n = calls.incrementAndGet();
      if (n == 1) {
        throw new IllegalStateException("deserialising", new SchemaRegistryException("connection refused", null));
      }
      if (n == 2) {
        throw new SchemaRegistryException(503, 50003, "unavailable");
      }
      return "record";
    }, () -> true, "topic-0@7");
    assertThat(value).isEqualTo("record");
    assertThat(calls).hasValue(3);
  }

  @Test
  void aBadRecordIsThrownAtOnceForTheCallerToSkipOrDeadLetter() {
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(() -> RegistryOutage.readThrough(() -> {
      calls.incrementAndGet();
      throw new SchemaRegistryException(404, SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema 99 not found.");
    }, () -> true, "topic-0@8")).isInstanceOf(SchemaRegistryException.class).hasMessageContaining("99");
    assertThat(calls).hasValue(1);
    assertThatThrownBy(() -> RegistryOutage.readThrough(() -> {
      throw new IllegalArgumentException("not Avro");
    }, () -> true, "topic-0@9")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aReaderThatStopsGivesUpWaiting() {
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(() -> RegistryOutage.readThrough(() -> {
      calls.incrementAndGet();
      throw new SchemaRegistryException("connection refused", null);
    }, () -> calls.get() < 3, "topic-0@10")).isInstanceOf(SchemaRegistryException.class);
    assertThat(calls).hasValue(3);
  }
}
