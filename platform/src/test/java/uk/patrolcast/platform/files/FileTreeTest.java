package uk.patrolcast.platform.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTreeTest {
  @TempDir
  Path temp;

  @Test
  void deletesTheWholeTreeButNeverWhatALinkPointsTo() throws Exception {
    Path sources = Files.createDirectories(temp.resolve("sources"));
    Files.writeString(sources.resolve("2024-02-metropolitan-street.csv"), "Crime ID\n");
    Path tree = Files.createDirectories(temp.resolve("tree/a/b"));
    Files.writeString(tree.resolve("deep.txt"), "x");
    Files.writeString(temp.resolve("tree/top.txt"), "y");
    Files.createSymbolicLink(temp.resolve("tree/a/link-to-sources"), sources);
    Files.createSymbolicLink(temp.resolve("tree/a/link-to-file"), sources.resolve("2024-02-metropolitan-street.csv"));

    FileTree.delete(temp.resolve("tree"));

    assertThat(temp.resolve("tree")).doesNotExist();
    assertThat(sources.resolve("2024-02-metropolitan-street.csv")).hasContent("Crime ID");
  }

  @Test
  void aMissingTreeIsNothingToDoAndASingleFileIsDeleted() throws Exception {
    FileTree.delete(temp.resolve("never-made"));
    assertThat(FileTree.deleteQuietly(temp.resolve("never-made"))).isTrue();
    Path file = Files.writeString(temp.resolve("one.txt"), "z");
    FileTree.delete(file);
    assertThat(file).doesNotExist();
  }

  @Test
  void emptyKeepsTheDirectoryAndCreatesItWhenMissing() throws Exception {
    Path dir = Files.createDirectories(temp.resolve("child-tmp/ortools-java123/ortools-linux-x86-64"));
    Files.writeString(dir.resolve("libjniortools.so"), "elf");
    Files.writeString(temp.resolve("child-tmp/libxgboost4j1.so"), "elf");

    FileTree.empty(temp.resolve("child-tmp"));

    assertThat(temp.resolve("child-tmp")).isEmptyDirectory();
    FileTree.empty(temp.resolve("made-now"));
    assertThat(temp.resolve("made-now")).isEmptyDirectory();
  }
}
