package uk.patrolcast.allocator.solve;

import com.google.ortools.Loader;
import com.sun.jna.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.patrolcast.platform.files.FileTree;

/**
 * Loads OR-Tools' native libraries from a cache unpacked once per version of its native jar.
 *
 * <p>OR-Tools' own {@link Loader} unpacks its ~100 libraries (69 MB) into a fresh temporary
 * directory at every JVM start (about half a second) and removes them only when the JVM exits
 * cleanly: every killed or crashed allocator leaves 69 MB in {@code /tmp}. Here they are unpacked
 * once into {@code <cache>/ortools-<platform>-<key>}, the key a checksum of the jar's entries (names,
 * sizes and CRCs), so another OR-Tools version gets its own directory; later starts only check that
 * every file is there with its size and load {@code libjniortools}, which finds the others by its
 * {@code $ORIGIN} run path. The cache is {@value #CACHE_PROPERTY} (a system property), else
 * {@code PATROLCAST_NATIVE_CACHE}, else {@code $XDG_CACHE_HOME/patrolcast/native}, else
 * {@code ~/.cache/patrolcast/native}. If anything about that fails (no writable cache, libraries not
 * in a jar), OR-Tools' own loader does the job as before. Every use of OR-Tools goes through
 * {@link #load}: a direct call of {@code Loader.loadNativeLibraries()} after it would load a second copy.
 */
public final class OrToolsNatives {
  private static final Logger log = LoggerFactory.getLogger(OrToolsNatives.class);
  public static final String CACHE_PROPERTY = "patrolcast.native.cache";
  private static final Object LOCK = new Object();
  private static volatile boolean loaded;

  private OrToolsNatives() {}

  /** Loads the libraries once per process. */
  public static void load() {
    if (loaded) {
      return;
    }
    synchronized (LOCK) {
      if (loaded) {
        return;
      }
      long started = System.nanoTime();
      String how;
      try {
        Path dir = unpacked(nativeJar(), resourceDir(), cacheRoot());
        System.load(dir.resolve(System.mapLibraryName("jniortools")).toString());
        how = "from " + dir;
      } catch (IOException | RuntimeException | UnsatisfiedLinkError e) {
        log.warn("OR-Tools' libraries could not be used from the cache ({}); unpacking them to a temporary directory instead", e.toString());
        Loader.loadNativeLibraries();
        how = "by OR-Tools' loader";
      }
      loaded = true;
      log.info("OR-Tools native libraries loaded {} in {} ms", how, (System.nanoTime() - started) / 1_000_000);
    }
  }

  /** The folder of OR-Tools' libraries inside its native jar, e.g. {@code ortools-linux-x86-64/}. */
  static String resourceDir() {
    return "ortools-" + Platform.RESOURCE_PREFIX + "/";
  }

  private static Path nativeJar() throws IOException {
    URL url = Loader.class.getClassLoader().getResource(resourceDir());
    if (url == null) {
      throw new IOException("no " + resourceDir() + " on the class path");
    }
    if (!(url.openConnection() instanceof JarURLConnection jar)) {
      throw new IOException(resourceDir() + " is not inside a jar: " + url);
    }
    try {
      return Path.of(jar.getJarFileURL().toURI());
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new IOException("cannot locate the jar of " + url, e);
    }
  }

  static Path cacheRoot() {
    String configured = System.getProperty(CACHE_PROPERTY, System.getenv("PATROLCAST_NATIVE_CACHE"));
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    return cache.resolve("patrolcast").resolve("native");
  }

  /**
   * The directory under {@code cacheRoot} holding every file of the jar's {@code resourceDir}, unpacked
   * now unless an earlier run (or another process) already did. Safe against processes doing it at
   * the same time: each unpacks into its own directory and moves it into place atomically.
   */
  static Path unpacked(Path jar, String resourceDir, Path cacheRoot) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      List<? extends ZipEntry> files = zip.stream()
          .filter(e -> !e.isDirectory() && e.getName().startsWith(resourceDir) && e.getName().indexOf('/', resourceDir.length()) < 0)
          .sorted(Comparator.comparing(ZipEntry::getName))
          .toList();
      if (files.isEmpty()) {
        throw new IOException(jar + " holds no files under " + resourceDir);
      }
      Path dir = cacheRoot.resolve(resourceDir.substring(0, resourceDir.length() - 1) + "-" + key(files));
      if (complete(dir, files, resourceDir)) {
        return dir;
      }
      Files.createDirectories(cacheRoot);
      Path fresh = Files.createTempDirectory(cacheRoot, ".unpacking-");
      try {
        for (ZipEntry e : files) {
          try (InputStream in = zip.getInputStream(e)) {
            Files.copy(in, fresh.resolve(e.getName().substring(resourceDir.length())));
          }
        }
        if (Files.exists(dir) && !complete(dir, files, resourceDir)) {
          // Damaged (a cleaner took files away): set it aside; a process that loaded from it keeps its mapped copies.
          Path aside = Files.createTempDirectory(cacheRoot, ".damaged-");
          moveIfThere(dir, aside.resolve("old"));
          FileTree.deleteQuietly(aside);
        }
        try {
          Files.move(fresh, dir, StandardCopyOption.ATOMIC_MOVE);
          log.info("Unpacked {} OR-Tools libraries into {}", files.size(), dir);
        } catch (FileSystemException raced) {
          // Another process moved its copy in first (Linux says "Directory not empty"): use it if whole.
          if (!complete(dir, files, resourceDir)) {
            throw raced;
          }
        }
      } finally {
        FileTree.deleteQuietly(fresh);
      }
      return dir; // whole: this process's copy moved in, or another's checked above
    }
  }

  private static void moveIfThere(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (NoSuchFileException gone) {
      // another process set it aside first
    }
  }

  private static boolean complete(Path dir, List<? extends ZipEntry> files, String resourceDir) {
    try {
      for (ZipEntry e : files) {
        if (Files.size(dir.resolve(e.getName().substring(resourceDir.length()))) != e.getSize()) {
          return false;
        }
      }
      return true;
    } catch (IOException missing) {
      return false;
    }
  }

  /** A checksum of the entries' names, sizes and CRCs: another version of the jar, another key. */
  private static String key(List<? extends ZipEntry> files) {
    CRC32 crc = new CRC32();
    long total = 0;
    for (ZipEntry e : files) {
      crc.update(e.getName().getBytes(StandardCharsets.UTF_8));
      crc.update(Long.toString(e.getSize()).getBytes(StandardCharsets.UTF_8));
      crc.update(Long.toString(e.getCrc()).getBytes(StandardCharsets.UTF_8));
      total += e.getSize();
    }
    return HexFormat.of().toHexDigits((int) crc.getValue()) + "-" + Long.toHexString(total);
  }
}
