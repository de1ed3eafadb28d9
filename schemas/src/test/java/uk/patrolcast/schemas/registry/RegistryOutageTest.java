package uk.patrolcast.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
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
  void aConsumedRecordsValueIsDecodedByTheGivenDeserializerOnceTheRegistryAnswers() {
    AtomicInteger calls = new AtomicInteger();
    Deserializer<String> value = (topic, bytes) -> {
      if (calls.incrementAndGet() == 1) {
        throw new SchemaRegistryException(503, 50003, "unavailable");
      }
      return topic + ":" + new String(bytes, StandardCharsets.UTF_8);
    };
    ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("t", 0, 3L, null, "v".getBytes(StandardCharsets.UTF_8));
    assertThat(RegistryOutage.readValue(Serdes.serdeFrom(new StringSerializer(), value), record, () -> true)).isEqualTo("t:v");
    assertThat(calls).hasValue(2);
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

  @Test
  void aReaderWithoutAStopOfItsOwnWaitsOnlyItsPatienceFromTheFirstFailure() throws InterruptedException {
    var patience = RegistryOutage.patience(Duration.ofMillis(300));
    Thread.sleep(400); // time before the first failure does not count: it is waited out after it
    AtomicInteger calls = new AtomicInteger();
    long started = System.nanoTime();
    assertThatThrownBy(() -> RegistryOutage.readThrough(() -> {
      calls.incrementAndGet();
      throw new SchemaRegistryException("connection refused", null);
    }, patience, "topic-0@11")).isInstanceOf(SchemaRegistryException.class);
    assertThat(calls.get()).isBetween(2, 4);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
  }
}
