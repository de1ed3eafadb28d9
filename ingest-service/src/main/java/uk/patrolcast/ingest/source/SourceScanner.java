package uk.patrolcast.ingest.source;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import uk.patrolcast.events.RejectionReason;
import uk.patrolcast.platform.config.Months;

/**
 * Finds police.uk street-level sources: single files ({@code .csv}, {@code .csv.gz}), folders searched
 * recursively, and archive zips (entries {@code YYYY-MM/YYYY-MM-<force>-street.csv}). Files with other
 * names are ignored inside folders. What cannot be used at all (an unreadable zip, an entry name that
 * escapes the archive, a bad month in a name) is reported as a problem, never thrown.
 */
public final class SourceScanner {
  /** A source refused as a whole. */
  public record Problem(String source, RejectionReason reason, String message, String month, String slug) {}

  /** Sources found (in scan order) and problems met. */
  public record Scan(List<PoliceSource> sources, List<Problem> problems) {}

  private final Path dataRoot;
  private final ArchiveLimits limits;
  private final List<PoliceSource> sources = new ArrayList<>();
  private final List<Problem> problems = new ArrayList<>();

  private SourceScanner(Path dataRoot, ArchiveLimits limits) {
    this.dataRoot = dataRoot == null ? null : dataRoot.toAbsolutePath().normalize();
    this.limits = limits;
  }

  /**
   * @param roots files, folders or zips to scan, in order
   * @param dataRoot names are given relative to this directory when under it (may be null)
   */
  public static Scan scan(List<Path> roots, Path dataRoot, ArchiveLimits limits) {
    SourceScanner s = new SourceScanner(dataRoot, limits);
    for (Path root : roots) {
      s.scanRoot(root);
    }
    return new Scan(List.copyOf(s.sources), List.copyOf(s.problems));
  }

  private void scanRoot(Path root) {
    if (Files.isDirectory(root)) {
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
          if (p.getFileName().toString().endsWith(".zip")) {
            scanZip(p);
          } else if (SourceName.parse(p.getFileName().toString()) != null) {
            addFile(p);
          }
        }
      } catch (IOException e) {
        problems.add(new Problem(name(root), RejectionReason.UNREADABLE_SOURCE, "Cannot list folder " + root + ": " + e.getMessage(), null, null));
      }
    } else if (!Files.isRegularFile(root)) {
      problems.add(new Problem(name(root), RejectionReason.UNREADABLE_SOURCE, "No such file or folder: " + root, null, null));
    } else if (root.getFileName().toString().endsWith(".zip")) {
      scanZip(root);
    } else if (SourceName.parse(root.getFileName().toString()) != null) {
      addFile(root);
    } else {
      problems.add(new Problem(name(root), RejectionReason.UNREADABLE_SOURCE,
          "'" + root.getFileName() + "' is not a police.uk street file name (expected YYYY-MM-<force>-street.csv or .csv.gz)", null, null));
    }
  }

  private void addFile(Path file) {
    SourceName n = SourceName.parse(file.getFileName().toString());
    String name = name(file);
    YearMonth month = month(n, name);
    if (month == null) {
      return;
    }
    boolean gzip = file.getFileName().toString().endsWith(".gz");
    sources.add(new PoliceSource(n.slug(), month, name, () -> {
      AtomicLong compressed = new AtomicLong();
      InputStream raw = counting(new BufferedInputStream(Files.newInputStream(file), 1 << 16), compressed);
      if (!gzip) {
        return raw;
      }
      return limits.bound(new GZIPInputStream(raw, 1 << 16), compressed::get, name);
    }));
  }

  private void scanZip(Path zip) {
    String zipName = name(zip);
    List<ZipEntry> entries = new ArrayList<>();
    try (ZipFile z = new ZipFile(zip.toFile())) {
      Enumeration<? extends ZipEntry> all = z.entries();
      while (all.hasMoreElements()) {
        entries.add(all.nextElement());
      }
    } catch (IOException | RuntimeException e) {
      problems.add(new Problem(zipName, RejectionReason.BAD_ARCHIVE, "Cannot read archive " + zipName + ": " + e.getMessage(), null, null));
      return;
    }
    entries.sort((a, b) -> a.getName().compareTo(b.getName()));
    for (ZipEntry entry : entries) {
      String entryName = entry.getName();
      if (entry.isDirectory() || SourceName.parse(entryName) == null) {
        continue;
      }
      String name = zipName + "!/" + entryName;
      SourceName n = SourceName.parse(entryName);
      if (escapes(entryName)) {
        problems.add(new Problem(name, RejectionReason.BAD_ARCHIVE,
            "Archive entry name '" + entryName + "' points outside the archive (absolute or '..'): refused", n.month(), n.slug()));
        continue;
      }
      YearMonth month = month(n, name);
      if (month == null) {
        continue;
      }
      long compressedSize = Math.max(1, entry.getCompressedSize());
      boolean gzip = entryName.endsWith(".gz");
      sources.add(new PoliceSource(n.slug(), month, name, () -> {
        ZipFile z = new ZipFile(zip.toFile());
        try {
          ZipEntry e = z.getEntry(entryName);
          if (e == null) {
            throw new IOException("entry " + entryName + " vanished from " + zipName);
          }
          InputStream in = limits.bound(z.getInputStream(e), () -> compressedSize, name);
          if (gzip) {
            in = new GZIPInputStream(in, 1 << 16);
          }
          return closing(new BufferedInputStream(in, 1 << 16), z);
        } catch (IOException | RuntimeException e) {
          z.close();
          throw e;
        }
      }));
    }
  }

  static boolean escapes(String entryName) {
    String n = entryName.replace('\\', '/');
    if (n.startsWith("/") || n.matches("^[A-Za-z]:.*")) {
      return true;
    }
    for (String part : n.split("/")) {
      if (part.equals("..")) {
        return true;
      }
    }
    return false;
  }

  private YearMonth month(SourceName n, String name) {
    try {
      return Months.parse(n.month());
    } catch (IllegalArgumentException e) {
      problems.add(new Problem(name, RejectionReason.BAD_MONTH, "File name month: " + e.getMessage(), null, n.slug()));
      return null;
    }
  }

  private String name(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    if (dataRoot != null && abs.startsWith(dataRoot) && !abs.equals(dataRoot)) {
      return dataRoot.relativize(abs).toString().replace('\\', '/');
    }
    return p.toString().replace('\\', '/');
  }

  private static InputStream counting(InputStream in, AtomicLong count) {
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          count.incrementAndGet();
        }
        return b;
      }

      @Override
      public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
          count.addAndGet(n);
        }
        return n;
      }
    };
  }

  private static InputStream closing(InputStream in, AutoCloseable also) {
    return new FilterInputStream(in) {
      @Override
      public void close() throws IOException {
        try {
          super.close();
        } finally {
          try {
            also.close();
          } catch (Exception e) {
            // closing the zip after its stream: nothing to recover
          }
        }
      }
    };
  }
}
