package uk.patrolcast.launcher.survival;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.patrolcast.allocator.solve.OrToolsNatives;
import uk.patrolcast.launcher.Patrolcast;
import uk.patrolcast.platform.files.FileTree;

/**
 * One {@code patrolcast} command in its own JVM (the test's classpath, so the classes under test),
 * restartable with the same arguments, killed with SIGKILL: no shutdown hook, no flush, no commit.
 *
 * <p>Each child has its own {@code java.io.tmpdir} beside its log. OR-Tools, XGBoost, RocksDB and
 * LZ4 unpack their native libraries there (about 100 MB a JVM) and delete them only on a clean exit,
 * so every SIGKILL would leave them in the machine's /tmp for good; here a restart empties the
 * directory of its killed predecessor and {@link #close} removes it.
 */
final class ChildJvm implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ChildJvm.class);

  private final String name;
  private final List<String> command;
  private final Path logDir;
  private final Path tmpDir;
  private Process process;
  private int starts;
  private long peakRssKb;

  ChildJvm(String name, String maxHeap, Path logDir, List<String> args) throws IOException {
    this(name, maxHeap, logDir, Patrolcast.class.getName(), args);
  }

  /** A child running {@code mainClass} of the test's classpath. */
  ChildJvm(String name, String maxHeap, Path logDir, String mainClass, List<String> args) throws IOException {
    this.name = name;
    this.logDir = logDir;
    this.tmpDir = logDir.resolve(name + ".tmp");
    Files.createDirectories(logDir);
    Path classpath = logDir.resolve(name + ".classpath");
    // An argument file: the classpath is far longer than a command line may be on some systems.
    Files.writeString(classpath, "-cp " + System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
    command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + maxHeap, "-XX:+UseSerialGC", "-Djava.io.tmpdir=" + tmpDir));
    // The build's native-library cache (see OrToolsNatives), not the user's.
    String nativeCache = System.getProperty(OrToolsNatives.CACHE_PROPERTY);
    if (nativeCache != null) {
      command.add("-D" + OrToolsNatives.CACHE_PROPERTY + "=" + nativeCache);
    }
    command.addAll(List.of("@" + classpath, mainClass));
    command.addAll(args);
  }

  synchronized ChildJvm start() throws IOException {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException(name + " is already running");
    }
    FileTree.empty(tmpDir); // the predecessor is dead: what it unpacked is no one's
    starts++;
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(logDir.resolve(name + ".log").toFile()));
    process = pb.start();
    log.info("{} started (start {}, pid {})", name, starts, process.pid());
    return this;
  }

  /** SIGKILL, then waits until the process is gone (its ports and locks are free). */
  synchronized void kill() throws InterruptedException {
    if (process == null || !process.isAlive()) {
      return;
    }
    sampleRss();
    process.destroyForcibly(); // SIGKILL on Unix
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      throw new IllegalStateException(name + " did not die within 60 s of SIGKILL");
    }
    log.info("{} killed (pid {})", name, process.pid());
  }

  synchronized boolean alive() {
    return process != null && process.isAlive();
  }

  /** The process's peak resident size so far (VmHWM), in MiB; 0 where /proc is not available. */
  synchronized long peakRssMb() {
    sampleRss();
    return peakRssKb >> 10;
  }

  private void sampleRss() {
    if (process == null || !process.isAlive()) {
      return;
    }
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
        if (line.startsWith("VmHWM:")) {
          peakRssKb = Math.max(peakRssKb, Long.parseLong(line.replaceAll("[^0-9]", "")));
        }
      }
    } catch (IOException | NumberFormatException e) {
      // no /proc here (or the process just ended): no figure
    }
  }

  int starts() {
    return starts;
  }

  String name() {
    return name;
  }

  Path logFile() {
    return logDir.resolve(name + ".log");
  }

  /** The child's {@code java.io.tmpdir}. */
  Path tmpDir() {
    return tmpDir;
  }

  @Override
  public void close() throws InterruptedException {
    kill();
    FileTree.deleteQuietly(tmpDir);
  }
}
