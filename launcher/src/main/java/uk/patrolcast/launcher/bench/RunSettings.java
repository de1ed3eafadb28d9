package uk.patrolcast.launcher.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * What a run needs to know about a generated directory, in {@code patrolcast.properties}: the
 * forces to ingest (the ingest service's {@code ingest.forces}, as {@code slug=Falls within name})
 * and the month to treat as the current one (the one after the last generated month, so that no
 * generated month counts as a future month whatever today's date). Also {@code SYNTHETIC.md},
 * which says the data is invented and how it was made. Neither depends on the clock, so a
 * directory stays byte-identical from run to run.
 */
final class RunSettings {
  static final String PROPERTIES = "patrolcast.properties";
  static final String NOTES = "SYNTHETIC.md";
  static final String FORCES_KEY = "ingest.forces";
  static final String CURRENT_MONTH_KEY = "ingest.current.month";

  private RunSettings() {}

  static void write(Universe u, Path root) {
    GeneratorOptions o = u.options;
    String forces = u.forces.stream().map(PoliceForce::ingestEntry).collect(Collectors.joining(","));
    String properties = "# Settings for running Patrolcast on this synthetic data directory:\n"
        + "#   patrolcast run --data " + "<this directory> --out OUT --config <this directory>/" + PROPERTIES + "\n"
        + "# Made by: " + o.commandLine() + "\n"
        + FORCES_KEY + "=" + forces + "\n"
        + CURRENT_MONTH_KEY + "=" + o.lastMonth().plusMonths(1) + "\n";
    String notes = "# Synthetic data\n\n"
        + "Everything in this directory is invented by `patrolcast generate`: no record, area, name or figure is real.\n"
        + "The layout, file formats and headers are those of `shared/data` (police.uk street-level files, ONS lookups and\n"
        + "boundaries, IoD 2019, Census 2021, population estimates), so that Patrolcast runs on it unchanged.\n\n"
        + "- Made by: `" + o.commandLine() + "`\n"
        + "- Universe: " + u.lsoas.size() + " LSOAs (2021), " + u.lsoas2011.size() + " LSOAs (2011), " + u.wards.size()
        + " wards, " + u.lads.size() + " local authorities, " + u.forces.size() + " forces, " + u.population() + " residents\n"
        + "- Months: " + o.firstMonth() + " to " + o.lastMonth() + "\n"
        + "- Run with: `patrolcast run --data DIR --out OUT --config DIR/" + PROPERTIES + "`\n";
    try {
      Files.writeString(root.resolve(PROPERTIES), properties, StandardCharsets.UTF_8);
      Files.writeString(root.resolve(NOTES), notes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + root + ": " + e.getMessage(), e);
    }
  }
}
