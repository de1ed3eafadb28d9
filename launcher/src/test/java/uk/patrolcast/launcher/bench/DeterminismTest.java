package uk.patrolcast.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Same options and seed, same bytes, whatever the number of threads; another seed, other data. */
class DeterminismTest {
  @TempDir Path tmp;

  private static GeneratorOptions options(long seed, int threads) {
    return new GeneratorOptions(Profile.ENGLAND_WALES, 160, 2, 5, YearMonth.of(2022, 1), seed, 0.5, threads, 1);
  }

  @Test
  void sameOptionsGiveByteIdenticalDirectories() throws IOException {
    DataGenerator.generate(options(11, 1), tmp.resolve("a"));
    DataGenerator.generate(options(11, 2), tmp.resolve("b"));
    Map<String, byte[]> a = files(tmp.resolve("a"));
    Map<String, byte[]> b = files(tmp.resolve("b"));
    assertThat(a.keySet()).isEqualTo(b.keySet()).hasSizeGreaterThan(20);
    for (String name : a.keySet()) {
      assertThat(b.get(name)).as(name).isEqualTo(a.get(name));
    }
  }

  @Test
  void anotherSeedGivesOtherData() throws IOException {
    DataGenerator.generate(options(11, 2), tmp.resolve("a"));
    DataGenerator.generate(options(12, 2), tmp.resolve("b"));
    Map<String, byte[]> a = files(tmp.resolve("a"));
    Map<String, byte[]> b = files(tmp.resolve("b"));
    String file = "police-uk/metropolitan-street/2022-03-metropolitan-street.csv.gz";
    assertThat(b.get(file)).isNotEqualTo(a.get(file));
    assertThat(b.get(DataFile.LSOA_BOUNDARIES.path)).isNotEqualTo(a.get(DataFile.LSOA_BOUNDARIES.path));
  }

  private static Map<String, byte[]> files(Path root) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        out.put(root.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return out;
  }
}
