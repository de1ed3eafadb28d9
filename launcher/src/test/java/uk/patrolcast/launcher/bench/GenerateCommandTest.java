package uk.patrolcast.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.patrolcast.launcher.CommandLineRun.run;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.patrolcast.launcher.CommandLineRun.Result;

/** The generate command: options checked before anything is written, a summary when done, no accidental overwrite. */
class GenerateCommandTest {
  @TempDir Path tmp;

  @Test
  void hasHelp() {
    Result r = run("generate", "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("Usage: patrolcast generate").contains("--profile").contains("--scale");
  }

  @Test
  void badOptionsAreRefusedWithOneClearLine() {
    assertThat(run("generate", "--out", tmp.resolve("a").toString(), "--first-month", "2014-13").err())
        .contains("'2014-13' is not a month");
    assertThat(run("generate", "--out", tmp.resolve("a").toString(), "--forces", "44").err())
        .contains("--forces must be between 1 and 43");
    assertThat(run("generate", "--out", tmp.resolve("a").toString(), "--profile", "london", "--forces", "3").err())
        .contains("--forces must be between 1 and 2 for the london profile");
    assertThat(run("generate", "--out", tmp.resolve("a").toString(), "--profile", "paris").err()).contains("Unknown profile 'paris'");
    Result r = run("generate", "--out", tmp.resolve("a").toString(), "--scale", "0");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--scale must be above 0");
    assertThat(tmp.resolve("a")).doesNotExist();
  }

  @Test
  void refusesToWriteIntoADirectoryItDidNotMake() throws Exception {
    Files.writeString(tmp.resolve("keep.txt"), "mine");
    Result r = run("generate", "--out", tmp.toString(), "--lsoas", "40", "--forces", "1", "--months", "1");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("is not empty and was not made by patrolcast generate");
    assertThat(tmp.resolve("keep.txt")).hasContent("mine");
  }

  @Test
  void writesASummaryAndReplacesItsOwnOutputOnlyWhenAsked() {
    Path out = tmp.resolve("data");
    Result first = run("generate", "--out", out.toString(), "--lsoas", "40", "--forces", "2", "--months", "3", "--threads", "1");
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.out()).contains("patrolcast generate: 40 LSOAs").contains("police files: 6 files").contains("\"lsoas\":40");
    assertThat(out.resolve("police-uk/metropolitan-street/2014-05-metropolitan-street.csv.gz")).isRegularFile();

    Result again = run("generate", "--out", out.toString(), "--lsoas", "40", "--forces", "2", "--months", "2");
    assertThat(again.code()).isEqualTo(2);
    assertThat(again.err()).contains("add --overwrite");

    Result replaced = run("generate", "--out", out.toString(), "--lsoas", "40", "--forces", "2", "--months", "2", "--overwrite");
    assertThat(replaced.code()).as(replaced.err()).isZero();
    assertThat(out.resolve("police-uk/metropolitan-street/2014-05-metropolitan-street.csv.gz")).doesNotExist();
    assertThat(out.resolve("police-uk/metropolitan-street/2014-04-metropolitan-street.csv.gz")).isRegularFile();
  }

  @Test
  void scaleMultipliesTheVolumeOfRecords() {
    long full = rows(tmp.resolve("full"), 1.0);
    long quarter = rows(tmp.resolve("quarter"), 0.25);
    assertThat(quarter / (double) full).isBetween(0.2, 0.3);
  }

  private static long rows(Path dir, double scale) {
    DataGenerator.Summary s = DataGenerator.generate(
        new GeneratorOptions(Profile.ENGLAND_WALES, 80, 1, 6, java.time.YearMonth.of(2019, 1), 4, scale, 2, 1), dir);
    return s.rows();
  }

  @Test
  void theLondonProfileIsTheMetropolitanPoliceAndTheCityOnALondonMap() throws Exception {
    Path dir = tmp.resolve("london");
    Result r = run("generate", "--out", dir.toString(), "--profile", "london", "--lsoas", "300", "--months", "1");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.readString(dir.resolve(RunSettings.PROPERTIES)))
        .contains("ingest.forces=city-of-london=City of London Police,metropolitan=Metropolitan Police Service\n");
    for (Path file : GeneratedFixture.policeFiles(dir).values()) {
      for (GeneratedFixture.Row row : GeneratedFixture.rows(file)) {
        if (row.located()) {
          assertThat(Double.parseDouble(row.lat())).isBetween(51.34, 51.66);
          assertThat(Double.parseDouble(row.lon())).isBetween(-0.42, 0.22);
        }
      }
    }
  }
}
