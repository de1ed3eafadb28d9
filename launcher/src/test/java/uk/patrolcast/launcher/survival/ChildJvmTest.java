package uk.patrolcast.launcher.survival;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A killed child's unpacked files stay in its own temporary directory and go with a restart or close. */
class ChildJvmTest {
  @TempDir
  Path logs;

  /** Unpacks a "native library" into java.io.tmpdir the way OR-Tools and XGBoost do, then waits to be killed. */
  public static final class UnpackingChild {
    public static void main(String[] args) throws Exception {
      File unpacked = File.createTempFile("libprobe", ".so");
      unpacked.deleteOnExit(); // honoured on a clean exit only, as the libraries' own
      Files.writeString(unpacked.toPath(), "elf");
      Thread.sleep(Long.MAX_VALUE);
    }
  }

  @Test
  void aKilledChildLeavesItsUnpackedFilesOnlyInItsOwnTemporaryDirectoryUntilRestartOrClose() throws Exception {
    ChildJvm child = new ChildJvm("probe", "64m", logs, UnpackingChild.class.getName(), List.of());
    try {
      child.start();
      Path first = awaitOneFile(child.tmpDir());
      child.kill();
      assertThat(first).exists(); // SIGKILL: no deleteOnExit

      child.start();
      assertThat(first).doesNotExist();
      Path second = awaitOneFile(child.tmpDir());
      assertThat(second).isNotEqualTo(first);
    } finally {
      child.close();
    }
    assertThat(child.tmpDir()).doesNotExist();
    assertThat(logs.resolve("probe.log")).exists();
  }

  private static Path awaitOneFile(Path dir) throws Exception {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (System.nanoTime() < deadline) {
      try (Stream<Path> files = Files.list(dir)) {
        List<Path> probes = files.filter(p -> p.getFileName().toString().startsWith("libprobe")).toList();
        if (probes.size() == 1 && Files.size(probes.get(0)) > 0) {
          return probes.get(0);
        }
        assertThat(probes).hasSizeLessThanOrEqualTo(1);
      }
      Thread.sleep(50);
    }
    throw new AssertionError("The child unpacked nothing into " + dir + " within 30 s");
  }
}
