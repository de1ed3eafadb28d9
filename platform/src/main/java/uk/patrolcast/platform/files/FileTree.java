package uk.patrolcast.platform.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deleting a directory and everything below it. Symbolic links are removed as links, never
 * followed: a folder of links to the police.uk sources is deleted without touching the sources.
 */
public final class FileTree {
  private static final Logger log = LoggerFactory.getLogger(FileTree.class);

  private FileTree() {}

  /** Deletes {@code root} (a directory or a file) and all below it; nothing to do if it does not exist. */
  public static void delete(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    List<Path> deepestFirst;
    try (Stream<Path> all = Files.walk(root)) {
      deepestFirst = all.sorted(Comparator.reverseOrder()).toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    for (Path p : deepestFirst) {
      try {
        Files.delete(p);
      } catch (NoSuchFileException gone) {
        // removed meanwhile (a process that owned it ended): what was wanted
      }
    }
  }

  /**
   * {@link #delete} for temporary directories whose removal is housekeeping: a failure is logged, not
   * thrown, so it never hides the outcome of the work that used the directory.
   *
   * @return whether {@code root} is gone
   */
  public static boolean deleteQuietly(Path root) {
    try {
      delete(root);
      return true;
    } catch (IOException | RuntimeException e) {
      log.warn("Could not delete {}: {}", root, e.toString());
      return false;
    }
  }

  /** Deletes what {@code dir} holds, keeping (or creating) the directory itself. */
  public static void empty(Path dir) throws IOException {
    Files.createDirectories(dir);
    List<Path> children;
    try (Stream<Path> list = Files.list(dir)) {
      children = list.toList();
    }
    for (Path child : children) {
      delete(child);
    }
  }
}
