package uk.patrolcast.launcher.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a figure needs beside it on a shared machine: load average, this process's CPU time, cores,
 * memory and the JVM's settings. Wall-clock times are noisy there; CPU seconds are steadier.
 */
final class MachineFacts {
  private MachineFacts() {}

  /** The 1, 5 and 15 minute load averages, as /proc/loadavg gives them ("" where missing). */
  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException | RuntimeException e) {
      double one = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      return one < 0 ? "" : String.format("%.2f", one);
    }
  }

  /** CPU seconds this process has used so far (all threads, broker and services included). */
  static double cpuSeconds() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return Math.round(os.getProcessCpuTime() / 1e6) / 1000.0;
    }
    return -1;
  }

  static void describe(ObjectNode machine) {
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      machine.put("memory_mb", os.getTotalMemorySize() >> 20);
    }
    machine.put("jvm_max_heap_mb", Runtime.getRuntime().maxMemory() >> 20);
    machine.put("jvm_args", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
    machine.put("java", System.getProperty("java.version"));
    machine.put("load_average_at_start", loadAverage());
  }
}
