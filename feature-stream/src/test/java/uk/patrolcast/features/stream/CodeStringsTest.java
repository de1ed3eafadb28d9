package uk.patrolcast.features.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CodeStringsTest {

  private static String read(CodeStrings table, String s) {
    byte[] framed = ("##" + s + "#").getBytes(StandardCharsets.UTF_8);
    return table.lookup(framed, 2, framed.length - 3);
  }

  @Test
  void equalCodesReadAsOneSharedInstance() {
    CodeStrings table = new CodeStrings();
    String first = read(table, "E01000001");
    assertThat(first).isEqualTo("E01000001");
    assertThat(read(table, "E01000001")).isSameAs(first);
    assertThat(read(table, "E01000002")).isEqualTo("E01000002").isNotSameAs(first);
    assertThat(read(table, "")).isEmpty();
  }

  @Test
  void everyValueSurvivesTheTableGrowingAndNonAsciiIsDecodedNotShared() {
    CodeStrings table = new CodeStrings();
    String[] firsts = new String[20_000];
    for (int i = 0; i < firsts.length; i++) {
      firsts[i] = read(table, "E0" + (1_000_000 + i));
    }
    assertThat(table.size()).isEqualTo(20_000);
    for (int i = 0; i < firsts.length; i++) {
      assertThat(read(table, "E0" + (1_000_000 + i))).isSameAs(firsts[i]).isEqualTo("E0" + (1_000_000 + i));
    }
    String unicode = read(table, "Ünïcode");
    assertThat(unicode).isEqualTo("Ünïcode");
    assertThat(read(table, "Ünïcode")).isNotSameAs(unicode);
    assertThat(table.size()).isEqualTo(20_000);
  }

  @Test
  void aFullTableStillDecodesEveryValue() {
    CodeStrings table = new CodeStrings();
    for (int i = 0; i < CodeStrings.MAX_SIZE + 10; i++) {
      assertThat(read(table, "X" + i)).isEqualTo("X" + i);
    }
    assertThat(table.size()).isEqualTo(CodeStrings.MAX_SIZE);
    assertThat(read(table, "X" + (CodeStrings.MAX_SIZE + 5))).isEqualTo("X" + (CodeStrings.MAX_SIZE + 5));
    assertThat(read(table, "X7")).isSameAs(read(table, "X7"));
  }

  @Test
  void writtenBytesAreUtf8AndTheirLengthIsKnownBeforehand() {
    for (String s : new String[] {"E01000001", "2023-01", "", "Ünïcode"}) {
      byte[] out = new byte[CodeStrings.length(s) + 1];
      int end = CodeStrings.write(s, out, 1);
      assertThat(end).isEqualTo(out.length);
      assertThat(new String(out, 1, out.length - 1, StandardCharsets.UTF_8)).isEqualTo(s);
    }
  }
}
