package uk.patrolcast.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PoliceFolderTest {
  @TempDir Path tmp;

  private Path source() throws Exception {
    Path src = tmp.resolve("police-uk");
    for (String name : List.of("met/2024-01-metropolitan-street.csv.gz", "city/2024-01-city-of-london-street.csv.gz",
        "met/2024-02-metropolitan-street.csv.gz", "city/2024-02-city-of-london-street.csv.gz",
        "met/2023-12-metropolitan-street-burglary.csv.gz", "met/MANIFEST.csv", "met/2024-03-metropolitan-outcomes.csv")) {
      Path f = src.resolve(name);
      Files.createDirectories(f.getParent());
      Files.writeString(f, name);
    }
    return src;
  }

  private static List<String> files(Path dir) throws Exception {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
    }
  }

  @Test
  void findsTheMonthsOfPoliceUkNamesOnly() throws Exception {
    PoliceFolder folder = new PoliceFolder(source(), tmp.resolve("watched"));
    assertThat(folder.months()).containsExactly("2023-12", "2024-01", "2024-02");
  }

  @Test
  void publishesMonthsAsTheyComeEveryForceAtItsOwnPath() throws Exception {
    Path watched = tmp.resolve("watched");
    PoliceFolder folder = new PoliceFolder(source(), watched);
    folder.publish(null, "2024-01");
    assertThat(files(watched)).containsExactly("city/2024-01-city-of-london-street.csv.gz",
        "met/2023-12-metropolitan-street-burglary.csv.gz", "met/2024-01-metropolitan-street.csv.gz");
    folder.publish("2024-02");
    assertThat(files(watched)).hasSize(5).contains("met/2024-02-metropolitan-street.csv.gz");
    assertThat(Files.readString(watched.resolve("met/2024-02-metropolitan-street.csv.gz")))
        .isEqualTo("met/2024-02-metropolitan-street.csv.gz");
  }

  @Test
  void aShorterHistoryStartsAtTheFirstMonthAsked() throws Exception {
    Path watched = tmp.resolve("watched");
    new PoliceFolder(source(), watched).publish("2024-01", "2024-01");
    assertThat(files(watched)).containsExactly("city/2024-01-city-of-london-street.csv.gz", "met/2024-01-metropolitan-street.csv.gz");
  }

  @Test
  void deletingRemovesThePublishedFilesAndKeepsTheSources() throws Exception {
    Path src = source();
    Path watched = tmp.resolve("watched");
    PoliceFolder folder = new PoliceFolder(src, watched);
    folder.publish(null, "2024-02");
    folder.delete();
    assertThat(watched).doesNotExist();
    assertThat(files(src)).hasSize(7);
  }

  @Test
  void aMonthWithoutFilesOrAFolderWithoutPoliceFilesIsRefusedClearly() throws Exception {
    PoliceFolder folder = new PoliceFolder(source(), tmp.resolve("watched"));
    assertThatThrownBy(() -> folder.publish("2025-01")).hasMessageContaining("No police files for 2025-01");
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    assertThatThrownBy(() -> new PoliceFolder(empty, tmp.resolve("w2"))).hasMessageContaining("No police.uk files");
  }
}
