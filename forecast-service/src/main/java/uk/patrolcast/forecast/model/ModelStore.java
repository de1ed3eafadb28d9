package uk.patrolcast.forecast.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.patrolcast.forecast.eval.MetricValues;
import uk.patrolcast.forecast.features.ModelFeatures;
import uk.patrolcast.platform.config.Months;

/**
 * Trained models on disk, one directory per version under {@code <state.dir>/forecast/models}:
 * {@code booster.ubj} (XGBoost's own format) and {@code manifest.json} (version, training window,
 * features, parameters, rounds, interval model, validation folds and metrics, search trials, and the
 * booster's SHA-256). {@code champion} names the version in use. Writes go to a temporary file
 * first and are moved into place, so a crash never leaves half a model behind.
 */
public final class ModelStore {
  static final ObjectMapper JSON = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .addModule(new SimpleModule("months")
          .addSerializer(YearMonth.class, ToStringSerializer.instance)
          .addDeserializer(YearMonth.class, new JsonDeserializer<YearMonth>() {
            @Override
            public YearMonth deserialize(JsonParser p, DeserializationContext c) throws IOException {
              return Months.parse(p.getValueAsString());
            }
          }))
      .build();

  private final Path root;

  public ModelStore(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  /** What manifest.json holds. */
  public record Manifest(
      String version,
      String trainFrom,
      String trainUntil,
      List<String> features,
      Map<String, String> parameters,
      int rounds,
      long seed,
      int threads,
      ValidationScheme scheme,
      IntervalModel intervals,
      List<TrainedModel.FoldSummary> folds,
      List<MetricValues> validation,
      List<Trial> search,
      List<TrainedModel.Importance> importances,
      String boosterSha256) {}

  /** A search trial as saved (parameters as strings). */
  public record Trial(int number, Map<String, String> parameters, double score, double oneStepDeviance, double recursiveDeviance,
      List<Integer> bestRounds, double seconds) {}

  public void save(TrainedModel m, int threads) {
    byte[] booster = m.model().boosterBytes();
    Manifest manifest = new Manifest(m.version(), Months.format(m.trainFrom()), Months.format(m.trainUntil()), m.model().featureNames(),
        m.params().asStrings(), m.model().rounds(), m.seed(), threads, m.scheme(), m.intervals(), m.folds(), m.validation(),
        m.search().stream().map(t -> new Trial(t.number(), t.params().asStrings(), t.score(), t.oneStepDeviance(), t.recursiveDeviance(),
            t.bestRounds(), t.seconds())).toList(),
        m.importances(), sha256(booster));
    Path dir = root.resolve(m.version());
    try {
      Files.createDirectories(dir);
      writeAtomically(dir.resolve("booster.ubj"), booster);
      writeAtomically(dir.resolve("manifest.json"), JSON.writeValueAsBytes(manifest));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot save model " + m.version() + " under " + dir + ": " + e.getMessage(), e);
    }
  }

  public TrainedModel load(String version, int threads) {
    Path dir = root.resolve(version);
    try {
      Manifest mf = JSON.readValue(dir.resolve("manifest.json").toFile(), Manifest.class);
      byte[] booster = Files.readAllBytes(dir.resolve("booster.ubj"));
      if (!sha256(booster).equals(mf.boosterSha256())) {
        throw new IllegalStateException("Model " + version + ": booster.ubj does not match the SHA-256 in its manifest");
      }
      BoosterParams params = BoosterParams.fromStrings(mf.parameters());
      ModelFeatures features = params.features();
      if (!features.names().equals(mf.features())) {
        throw new IllegalStateException("Model " + version + " was trained on features " + mf.features() + "; this build computes "
            + features.names() + ": retrain it");
      }
      CountModel model = CountModel.load(booster, params, features, mf.rounds(), threads);
      List<TrainedModel.SearchTrial> search = mf.search().stream().map(t -> new TrainedModel.SearchTrial(t.number(),
          BoosterParams.fromStrings(t.parameters()), t.score(), t.oneStepDeviance(), t.recursiveDeviance(), t.bestRounds(), t.seconds())).toList();
      return new TrainedModel(mf.version(), model, Months.parse(mf.trainFrom()), Months.parse(mf.trainUntil()), mf.intervals(), mf.scheme(),
          mf.folds(), mf.validation(), search, mf.importances(), mf.seed());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot load model " + version + " from " + dir + ": " + e.getMessage(), e);
    }
  }

  public void setChampion(String version) {
    try {
      Files.createDirectories(root);
      writeAtomically(root.resolve("champion"), (version + "\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot record the champion under " + root + ": " + e.getMessage(), e);
    }
  }

  /** The champion's version, when one was recorded and its files are there. */
  public Optional<String> champion() {
    Path file = root.resolve("champion");
    try {
      if (!Files.isRegularFile(file)) {
        return Optional.empty();
      }
      String v = Files.readString(file, StandardCharsets.UTF_8).trim();
      return Files.isRegularFile(root.resolve(v).resolve("manifest.json")) ? Optional.of(v) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static void writeAtomically(Path target, byte[] bytes) throws IOException {
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    Files.write(tmp, bytes);
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
