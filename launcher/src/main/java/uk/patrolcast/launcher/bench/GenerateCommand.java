package uk.patrolcast.launcher.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import uk.patrolcast.platform.config.Months;
import uk.patrolcast.platform.files.FileTree;

/**
 * {@code patrolcast generate}: a synthetic data directory laid out like {@code shared/data}, for an
 * England-and-Wales-sized universe (or a London-sized one with {@code --profile london}), on which
 * {@code patrolcast run} works unchanged.
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Write a synthetic England-and-Wales-sized (or London-sized) data directory laid out like shared/data.",
      "It holds police.uk street-level files (all crime types) of every force and month, and the lookups, "
          + "boundaries, IoD, Census and population files of its universe. Same options and seed, same bytes.",
      "Run the pipeline on it with: patrolcast run --data DIR --out OUT --config DIR/patrolcast.properties"
    })
public final class GenerateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write (created; must be empty or made by generate).")
  Path out;

  @Option(names = "--profile", paramLabel = "NAME", defaultValue = "england-wales",
      description = "england-wales (35,000 LSOAs, 43 forces) or london (4,994 LSOAs, 2 forces). Default: ${DEFAULT-VALUE}.")
  String profile;

  @Option(names = "--lsoas", paramLabel = "N", description = "Number of 2021 LSOAs (default: the profile's).")
  Integer lsoas;

  @Option(names = "--forces", paramLabel = "N", description = "Number of police forces (default: the profile's, 43 or 2).")
  Integer forces;

  @Option(names = "--months", paramLabel = "N", defaultValue = "120", description = "Months of police files per force (default: ${DEFAULT-VALUE}).")
  int months;

  @Option(names = "--first-month", paramLabel = "YYYY-MM", defaultValue = "2014-03", description = "First month (default: ${DEFAULT-VALUE}).")
  String firstMonth;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--scale", paramLabel = "X", defaultValue = "1.0",
      description = "Multiplies the volume of records (1.0: ~500,000 a month at England-and-Wales size). Default: ${DEFAULT-VALUE}.")
  double scale;

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the number of processors).")
  Integer threads;

  @Option(names = "--gzip-level", paramLabel = "1-9", defaultValue = "1",
      description = "Deflate level of the police files: 1 is fastest (about 13%% larger than 6, twice as fast), 9 smallest"
          + " (default: ${DEFAULT-VALUE}). The content is the same.")
  int gzipLevel;

  @Option(names = "--overwrite", description = "Replace a directory made earlier by generate.")
  boolean overwrite;

  @Override
  public Integer call() throws IOException {
    Profile p = Profile.parse(profile);
    GeneratorOptions options = new GeneratorOptions(p, lsoas == null ? p.defaultLsoas : lsoas, forces == null ? p.maxForces : forces,
        months, Months.parse(firstMonth), seed, scale, threads == null ? Runtime.getRuntime().availableProcessors() : threads, gzipLevel);
    prepare(out, overwrite);
    DataGenerator.Summary s = DataGenerator.generate(options, out);
    print(spec == null ? new PrintWriter(System.out, true) : spec.commandLine().getOut(), options, s);
    return 0;
  }

  /** Checks the output directory: new, empty, or an earlier generated one (whose police files are removed) with --overwrite. */
  static void prepare(Path out, boolean overwrite) throws IOException {
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new IllegalArgumentException("--out " + out + " exists and is not a directory");
    }
    if (Files.isDirectory(out)) {
      boolean empty;
      try (Stream<Path> entries = Files.list(out)) {
        empty = entries.findAny().isEmpty();
      }
      if (!empty) {
        if (!Files.exists(out.resolve(RunSettings.NOTES))) {
          throw new IllegalArgumentException("--out " + out + " is not empty and was not made by patrolcast generate: choose another directory");
        }
        if (!overwrite) {
          throw new IllegalArgumentException("--out " + out + " holds an earlier generated directory: add --overwrite to replace it");
        }
        FileTree.delete(out.resolve("police-uk"));
      }
    }
    Files.createDirectories(out);
  }

  private void print(PrintWriter w, GeneratorOptions o, DataGenerator.Summary s) {
    double total = s.seconds().get("total");
    w.printf(Locale.ROOT, "patrolcast generate: %d LSOAs, %d wards, %d local authorities, %d forces, %d months -> %s%n", s.lsoas(),
        s.wards(), s.lads(), s.forces(), s.months(), out.toAbsolutePath());
    w.printf(Locale.ROOT, "  police files: %d files, %,d rows (burglary %.2f%%), %.1f MB uncompressed, %.1f MB gzipped (%.0f rows/s)%n",
        s.policeFiles(), s.rows(), 100.0 * s.burglaryRows() / Math.max(1, s.rows()), s.policeBytes() / 1e6, s.policeGzBytes() / 1e6,
        s.rows() / s.seconds().get("police"));
    w.printf(Locale.ROOT, "  reference files: %d files, %.1f MB%n", s.referenceFiles(), s.referenceBytes() / 1e6);
    w.printf(Locale.ROOT, "  time: universe %.1f s, reference %.1f s, counts %.1f s, police files %.1f s, total %.1f s"
        + " (%d threads, %.1f CPU s)%n", s.seconds().get("universe"), s.seconds().get("reference"), s.seconds().get("counts"),
        s.seconds().get("police"), total, o.threads(), s.cpuSeconds());
    w.printf(Locale.ROOT, "  run it: patrolcast run --data %s --out OUT --config %s%n", out, out.resolve(RunSettings.PROPERTIES));
    w.printf(Locale.ROOT, "{\"profile\":\"%s\",\"lsoas\":%d,\"forces\":%d,\"months\":%d,\"seed\":%d,\"scale\":%s,\"police_files\":%d,"
        + "\"rows\":%d,\"police_gz_bytes\":%d,\"police_bytes\":%d,\"reference_bytes\":%d,\"seconds\":%.2f,\"cpu_seconds\":%.1f,\"threads\":%d}%n",
        o.profile(), s.lsoas(), s.forces(), s.months(), o.seed(), o.scale(), s.policeFiles(), s.rows(), s.policeGzBytes(), s.policeBytes(),
        s.referenceBytes(), total, s.cpuSeconds(), o.threads());
    w.flush();
  }
}
