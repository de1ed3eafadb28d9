package uk.patrolcast.launcher.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This process's resident memory from {@code /proc/self/status} (Linux): the whole local stack runs
 * in one JVM, so the process's peak resident size (VmHWM) is the stack's. Zero where /proc is missing.
 */
final class ResidentMemory {
  private static final Path STATUS = Path.of("/proc/self/status");

  private ResidentMemory() {}

  /** Peak resident size so far (VmHWM), in MiB. */
  static long peakMb() {
    return field("VmHWM:") >> 10;
  }

  /** Current resident size (VmRSS), in MiB. */
  static long currentMb() {
    return field("VmRSS:") >> 10;
  }

  /** A "Name:   123 kB" line's number (kB), or 0. */
  static long parseKb(String status, String name) {
    for (String line : status.split("\n")) {
      if (line.startsWith(name)) {
        String[] parts = line.substring(name.length()).trim().split("\\s+");
        return Long.parseLong(parts[0]);
      }
    }
    return 0;
  }

  private static long field(String name) {
    try {
      return parseKb(Files.readString(STATUS), name);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }
}
