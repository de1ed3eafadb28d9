package uk.patrolcast.allocator.solve;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.ortools.linearsolver.MPSolver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrToolsNativesTest {
  @TempDir
  Path temp;

  @Test
  void theBuildsCacheHoldsTheLibrariesASolverRunsOn() throws Exception {
    // The build points the cache into target/ (pom.xml); OR-Tools' own loader would leave it empty.
    Path root = OrToolsNatives.cacheRoot();
    assertThat(root.toString()).endsWith("native-cache");

    OrToolsNatives.load();

    MPSolver glop = MPSolver.createSolver("GLOP");
    assertThat(glop).isNotNull();
    glop.delete();
    try (var dirs = Files.list(root)) {
      assertThat(dirs.filter(d -> d.getFileName().toString().startsWith("ortools-"))
          .filter(d -> Files.exists(d.resolve(System.mapLibraryName("jniortools"))))).hasSize(1);
    }
  }

  @Test
  void librariesAreUnpackedOnceAndThenOnlyChecked() throws Exception {
    Path jar = jar("a.jar", Map.of("ortools-test/libjniortools.so", "jni", "ortools-test/libortools.so.9", "solver",
        "ortools-test/deeper/ignored.txt", "x", "META-INF/MANIFEST.MF", "m"));

    Path dir = OrToolsNatives.unpacked(jar, "ortools-test/", temp.resolve("cache"));
    FileTime written = Files.getLastModifiedTime(dir.resolve("libortools.so.9"));
    Files.setLastModifiedTime(dir.resolve("libortools.so.9"), FileTime.fromMillis(written.toMillis() - 60_000));
    Path again = OrToolsNatives.unpacked(jar, "ortools-test/", temp.resolve("cache"));

    assertThat(again).isEqualTo(dir);
    assertThat(dir.getFileName().toString()).startsWith("ortools-test-");
    try (var files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("libjniortools.so", "libortools.so.9");
    }
    assertThat(Files.getLastModifiedTime(dir.resolve("libortools.so.9")).toMillis()).as("not written again")
        .isEqualTo(written.toMillis() - 60_000);
    try (var leftovers = Files.list(temp.resolve("cache"))) {
      assertThat(leftovers).containsExactly(dir);
    }
  }

  @Test
  void aCacheACleanerDamagedIsUnpackedAgain() throws Exception {
    Path jar = jar("a.jar", Map.of("ortools-test/libjniortools.so", "jni", "ortools-test/libortools.so.9", "solver"));
    Path dir = OrToolsNatives.unpacked(jar, "ortools-test/", temp.resolve("cache"));
    Files.delete(dir.resolve("libortools.so.9"));
    Files.writeString(dir.resolve("libjniortools.so"), "j");

    Path repaired = OrToolsNatives.unpacked(jar, "ortools-test/", temp.resolve("cache"));

    assertThat(repaired).isEqualTo(dir);
    assertThat(dir.resolve("libortools.so.9")).hasContent("solver");
    assertThat(dir.resolve("libjniortools.so")).hasContent("jni");
    try (var leftovers = Files.list(temp.resolve("cache"))) {
      assertThat(leftovers).containsExactly(dir);
    }
  }

  @Test
  void processesUnpackingAtTheSameTimeAllGetTheWholeCache() throws Exception {
    Map<String, String> entries = new java.util.TreeMap<>();
    for (int i = 0; i < 40; i++) {
      entries.put("ortools-test/lib" + i + ".so", ("library " + i + " ").repeat(5_000));
    }
    Path jar = jar("a.jar", entries);
    int racers = 8;
    var start = new java.util.concurrent.CountDownLatch(1);
    var pool = java.util.concurrent.Executors.newFixedThreadPool(racers);
    try {
      List<java.util.concurrent.Future<Path>> dirs = new java.util.ArrayList<>();
      for (int i = 0; i < racers; i++) {
        dirs.add(pool.submit(() -> {
          start.await();
          return OrToolsNatives.unpacked(jar, "ortools-test/", temp.resolve("cache"));
        }));
      }
      start.countDown();
      Path first = dirs.get(0).get();
      for (var d : dirs) {
        assertThat(d.get()).isEqualTo(first); // none failed, all agree
      }
      assertThat(first.resolve("lib39.so")).hasContent(entries.get("ortools-test/lib39.so"));
      try (var leftovers = Files.list(temp.resolve("cache"))) {
        assertThat(leftovers).containsExactly(first);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anotherVersionOfTheJarGetsItsOwnDirectory() throws Exception {
    Path v1 = OrToolsNatives.unpacked(jar("v1.jar", Map.of("ortools-test/libjniortools.so", "jni 9.15")), "ortools-test/",
        temp.resolve("cache"));
    Path v2 = OrToolsNatives.unpacked(jar("v2.jar", Map.of("ortools-test/libjniortools.so", "jni 9.16")), "ortools-test/",
        temp.resolve("cache"));

    assertThat(v2).isNotEqualTo(v1);
    assertThat(v1.resolve("libjniortools.so")).hasContent("jni 9.15");
    assertThat(v2.resolve("libjniortools.so")).hasContent("jni 9.16");
  }

  private Path jar(String name, Map<String, String> entries) throws Exception {
    Path jar = temp.resolve(name);
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
      for (var e : new java.util.TreeMap<>(entries).entrySet()) {
        out.putNextEntry(new ZipEntry(e.getKey()));
        out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    return jar;
  }
}
