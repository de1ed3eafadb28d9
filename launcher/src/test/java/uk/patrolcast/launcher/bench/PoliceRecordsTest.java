package uk.patrolcast.launcher.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.Path2D;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The police.uk rows: crime types, IDs, duplicates, missing locations, points in their LSOA, code vintages. */
class PoliceRecordsTest {
  private static Path dir;
  private static Map<String, List<GeneratedFixture.Row>> rowsByFile;
  private static List<GeneratedFixture.Row> all;

  @BeforeAll
  static void read() {
    dir = GeneratedFixture.directory();
    rowsByFile = new HashMap<>();
    all = new ArrayList<>();
    GeneratedFixture.policeFiles(dir).forEach((name, file) -> {
      List<GeneratedFixture.Row> rows = GeneratedFixture.rows(file);
      rowsByFile.put(name, rows);
      all.addAll(rows);
    });
  }

  @Test
  void volumeIsAboutFourteenRecordsPerLsoaAndMonth() {
    double perLsoaMonth = all.size() / (double) (GeneratedFixture.OPTIONS.lsoas() * GeneratedFixture.OPTIONS.months());
    assertThat(perLsoaMonth).isBetween(12.5, 16.0);
  }

  @Test
  void everyCrimeTypeOccursAndBurglaryIsAboutSixPercent() {
    Map<String, Long> byType = all.stream().collect(Collectors.groupingBy(GeneratedFixture.Row::crimeType, Collectors.counting()));
    assertThat(byType.keySet()).containsExactlyInAnyOrderElementsOf(
        Arrays.stream(CrimeType.values()).map(t -> t.label).toList());
    double burglary = byType.get("Burglary") / (double) all.size();
    assertThat(burglary).isBetween(0.05, 0.07);
    assertThat(byType.get("Violence and sexual offences") / (double) all.size()).isBetween(0.25, 0.37);
  }

  @Test
  void crimeIdsAre64HexExceptForAntiSocialBehaviour() {
    Pattern hex = Pattern.compile("[0-9a-f]{64}");
    List<GeneratedFixture.Row> wrong = new ArrayList<>();
    for (GeneratedFixture.Row r : all) {
      boolean asb = r.crimeType().equals("Anti-social behaviour");
      boolean ok = asb ? r.crimeId().isEmpty() && r.outcome().isEmpty() : hex.matcher(r.crimeId()).matches() && !r.outcome().isEmpty();
      if (!ok || !r.context().isEmpty()) {
        wrong.add(r);
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void aFewCrimesAppearTwiceWithinAMonthAndAboutOnePercentHaveNoLocation() {
    long duplicates = 0;
    long identical = 0;
    for (List<GeneratedFixture.Row> rows : rowsByFile.values()) {
      Map<String, GeneratedFixture.Row> seen = new HashMap<>();
      for (GeneratedFixture.Row r : rows) {
        if (r.crimeId().isEmpty()) {
          continue;
        }
        GeneratedFixture.Row first = seen.putIfAbsent(r.crimeId(), r);
        if (first != null) {
          duplicates++;
          if (first.equals(r)) {
            identical++;
          }
          assertThat(r.lsoaCode()).isEqualTo(first.lsoaCode());
        }
      }
    }
    double share = duplicates / (double) all.size();
    assertThat(share).isBetween(0.001, 0.006);
    assertThat(identical).isBetween(duplicates / 4, duplicates * 3 / 4);
    long unlocated = all.stream().filter(r -> !r.located()).count();
    assertThat(unlocated / (double) all.size()).isBetween(0.005, 0.02);
    assertThat(all.stream().filter(r -> !r.located()))
        .allSatisfy(r -> assertThat(r.location() + r.lon() + r.lat() + r.lsoaName()).isEqualTo("No Location"));
  }

  @Test
  void rowsAreListedByLsoaNameWithUnlocatedRowsLast() {
    String last = GeneratedFixture.OPTIONS.lastMonth().toString();
    rowsByFile.forEach((file, rows) -> {
      List<String> names = new ArrayList<>();
      boolean unlocatedSeen = false;
      for (GeneratedFixture.Row r : rows) {
        if (!r.located()) {
          unlocatedSeen = true;
          continue;
        }
        assertThat(unlocatedSeen).as("located row after unlocated rows in " + file).isFalse();
        if (names.isEmpty() || !names.get(names.size() - 1).equals(r.lsoaName())) {
          names.add(r.lsoaName());
        }
      }
      if (file.contains(last)) {
        // One vintage of names: one block per LSOA, in name order.
        assertThat(names).as(file).isSorted().doesNotHaveDuplicates();
      }
    });
  }

  /**
   * Every located record lies inside the polygon of the LSOA it counts in: its own code when that is
   * a 2021 code, else the 2021 child of its 2011 code (by the exact-fit lookup) whose polygon holds
   * it, which must be exactly one child.
   */
  @Test
  void everyPointLiesInItsLsoaPolygon() {
    Map<String, Path2D> shapes = GeneratedFixture.lsoaShapes(dir);
    Map<String, List<String>> children = new HashMap<>();
    for (List<String> row : tail(GeneratedFixture.csv(dir.resolve(DataFile.EXACT_FIT.path)))) {
      children.computeIfAbsent(row.get(0), k -> new ArrayList<>()).add(row.get(2));
    }
    Pattern sixDecimals = Pattern.compile("-?\\d+\\.\\d{6}");
    List<GeneratedFixture.Row> outside = new ArrayList<>();
    long checked = 0;
    for (GeneratedFixture.Row r : all) {
      if (!r.located()) {
        continue;
      }
      if (!sixDecimals.matcher(r.lon()).matches() || !sixDecimals.matcher(r.lat()).matches()) {
        outside.add(r);
        continue;
      }
      double lon = Double.parseDouble(r.lon());
      double lat = Double.parseDouble(r.lat());
      Path2D own = shapes.get(r.lsoaCode());
      boolean inside = own != null
          ? own.contains(lon, lat)
          : children.getOrDefault(r.lsoaCode(), List.of()).stream().filter(k -> shapes.get(k).contains(lon, lat)).count() == 1;
      if (!inside) {
        outside.add(r);
      }
      checked++;
    }
    assertThat(outside).isEmpty();
    assertThat(checked).isGreaterThan(all.size() * 9L / 10);
  }

  /**
   * Files before the cut-over carry only 2011 codes, after it only 2021 codes; in between both. A
   * code of an LSOA created in 2021 never appears before the cut-over, a retired 2011 code never after.
   */
  @Test
  void lsoaCodesChangeVintageAtTheCutOver() {
    Set<String> codes2011 = new HashSet<>();
    Set<String> codes2021 = new HashSet<>();
    for (List<String> row : tail(GeneratedFixture.csv(dir.resolve(DataFile.EXACT_FIT.path)))) {
      codes2011.add(row.get(0));
      codes2021.add(row.get(2));
    }
    Set<String> only2011 = new HashSet<>(codes2011);
    only2011.removeAll(codes2021);
    Set<String> only2021 = new HashSet<>(codes2021);
    only2021.removeAll(codes2011);
    assertThat(only2011).isNotEmpty();
    assertThat(only2021).isNotEmpty();
    CodeVintage vintage = CodeVintage.of(GeneratedFixture.OPTIONS);
    for (int m = 0; m < GeneratedFixture.OPTIONS.months(); m++) {
      String month = GeneratedFixture.OPTIONS.month(m).toString();
      Set<String> used = all.stream().filter(r -> r.month().equals(month) && r.located()).map(GeneratedFixture.Row::lsoaCode)
          .collect(Collectors.toSet());
      boolean anyOld = used.stream().anyMatch(only2011::contains);
      boolean anyNew = used.stream().anyMatch(only2021::contains);
      if (m < vintage.mixedFrom()) {
        assertThat(anyNew).as(month).isFalse();
        assertThat(anyOld).as(month).isTrue();
        assertThat(codes2011).as(month).containsAll(used);
      } else if (m > vintage.mixedUntil()) {
        assertThat(anyOld).as(month).isFalse();
        assertThat(anyNew).as(month).isTrue();
        assertThat(codes2021).as(month).containsAll(used);
      } else {
        assertThat(anyOld && anyNew).as("mixed month " + month).isTrue();
      }
    }
  }

  @Test
  void recentMonthsAreStillLargelyUnderInvestigation() {
    String last = GeneratedFixture.OPTIONS.lastMonth().toString();
    String first = GeneratedFixture.OPTIONS.firstMonth().toString();
    assertThat(shareUnderInvestigation(last)).isGreaterThan(0.3);
    assertThat(shareUnderInvestigation(first)).isLessThan(0.01);
  }

  private double shareUnderInvestigation(String month) {
    List<GeneratedFixture.Row> rows = all.stream().filter(r -> r.month().equals(month) && !r.outcome().isEmpty()).toList();
    return rows.stream().filter(r -> r.outcome().equals("Under investigation")).count() / (double) rows.size();
  }

  @Test
  void locationsAreStreetsOrPoliceUkPlaceKinds() {
    Set<String> kinds = EnumSet.allOf(Place.class).stream().filter(p -> p.label != null).map(p -> "On or near " + p.label)
        .collect(Collectors.toSet());
    long places = all.stream().filter(r -> kinds.contains(r.location())).count();
    assertThat(all.stream().filter(r -> r.located() && !r.location().startsWith("On or near ")).toList()).isEmpty();
    assertThat(places).isPositive();
    long shoplifting = all.stream().filter(r -> r.crimeType().equals("Shoplifting") && r.located()).count();
    long shopliftingAtShops = all.stream().filter(r -> r.crimeType().equals("Shoplifting")
        && (r.location().equals("On or near Supermarket") || r.location().equals("On or near Shopping Area"))).count();
    assertThat(shopliftingAtShops / (double) shoplifting).as("shoplifting drawn to shops").isGreaterThan(0.2);
  }

  static <T> List<T> tail(List<T> list) {
    return list.subList(1, list.size());
  }
}
