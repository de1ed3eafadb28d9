package uk.patrolcast.launcher.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import uk.patrolcast.platform.files.FileTree;

/**
 * A police folder that the bench fills month by month, as police.uk publishes: the ingest service
 * watches it in {@code up} mode. Files are hard-linked from the source folder where the file system
 * allows it (no copy of gigabytes), else copied; each file appears under its final name in one atomic
 * step, so the watcher never sees half a file.
 */
final class PoliceFolder {
  /** police.uk names: the street files and the shared data's burglary extracts. */
  private static final Pattern NAME = Pattern.compile("(\\d{4}-\\d{2})-[a-z0-9-]+-street(?:-burglary)?\\.csv(?:\\.gz)?");

  private final Path source;
  private final Path target;
  private final TreeMap<String, List<Path>> months;

  PoliceFolder(Path source, Path target) {
    this.source = source;
    this.target = target;
    this.months = filesByMonth(source);
    if (months.isEmpty()) {
      throw new IllegalArgumentException("No police.uk files (YYYY-MM-<force>-street[-burglary].csv[.gz]) under " + source);
    }
  }

  /** The police files under {@code folder} (recursively), by month, in name order within a month. */
  static TreeMap<String, List<Path>> filesByMonth(Path folder) {
    TreeMap<String, List<Path>> byMonth = new TreeMap<>();
    try (Stream<Path> all = Files.walk(folder)) {
      all.filter(Files::isRegularFile).sorted().forEach(p -> {
        Matcher m = NAME.matcher(p.getFileName().toString());
        if (m.matches()) {
          byMonth.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(p);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + folder + ": " + e.getMessage(), e);
    }
    return byMonth;
  }

  /** Every month found, in order. */
  List<String> months() {
    return List.copyOf(months.keySet());
  }

  Path target() {
    return target;
  }

  /** Publishes every month from {@code first} (null: the first there is) up to and including {@code last}. */
  void publish(String first, String last) {
    Map<String, List<Path>> range = first == null ? months.headMap(last, true) : months.subMap(first, true, last, true);
    for (Map.Entry<String, List<Path>> e : range.entrySet()) {
      publish(e.getKey());
    }
  }

  /** Publishes one month's files (every force's). */
  void publish(String month) {
    List<Path> files = months.get(month);
    if (files == null) {
      throw new IllegalArgumentException("No police files for " + month + " under " + source);
    }
    for (Path file : files) {
      Path to = target.resolve(source.relativize(file));
      try {
        Files.createDirectories(to.getParent());
        place(file, to);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot publish " + file + " to " + to + ": " + e.getMessage(), e);
      }
    }
  }

  private static void place(Path from, Path to) throws IOException {
    try {
      Files.createLink(to, from);
    } catch (FileSystemException | UnsupportedOperationException e) {
      // Another file system (or no hard links): copy under a name the ingest ignores, then rename.
      Path part = to.resolveSibling("." + to.getFileName() + ".part");
      Files.copy(from, part, StandardCopyOption.REPLACE_EXISTING);
      Files.move(part, to, StandardCopyOption.ATOMIC_MOVE);
    }
  }

  /** Removes the folder and what the bench put in it (links or copies; never the sources). */
  void delete() {
    FileTree.deleteQuietly(target);
  }
}
