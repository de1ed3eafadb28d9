package uk.patrolcast.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.patrolcast.platform.http.HttpApi;

class BoundaryShapesTest {

  @Test
  void polygonsAreRoundedDeltaEncodedAndDecodeBack(@TempDir Path dir) throws Exception {
    // A square with a redundant midpoint on one side, and a two-part area.
    String geojson = """
        {"type":"FeatureCollection","features":[
         {"type":"Feature","properties":{"CODE":"A","NAME":"Square"},"geometry":{"type":"Polygon","coordinates":
           [[[-0.1,51.5],[-0.05,51.5],[0.0,51.5],[0.0,51.6],[-0.1,51.6],[-0.1,51.5]]]}},
         {"type":"Feature","properties":{"CODE":"B","NAME":"Two parts"},"geometry":{"type":"MultiPolygon","coordinates":
           [[[[1,1],[1.1,1],[1.1,1.1],[1,1]]],[[[2,2],[2.1,2],[2.1,2.1],[2,2]]]]}}]}""";
    Path file = dir.resolve("areas.geojson");
    Files.writeString(file, geojson);
    BoundaryShapes shapes = BoundaryShapes.load("test", file, "CODE", "NAME", 0.001);
    assertThat(shapes.codes()).containsExactly("A", "B");
    assertThat(shapes.names()).containsExactly("Square", "Two parts");
    assertThat(shapes.sourceVertices()).isEqualTo(6 + 4 + 4);
    // The midpoint goes; closing points are implied: 4 + 3 + 3.
    assertThat(shapes.vertices()).isEqualTo(10);
    JsonNode body = HttpApi.JSON.readTree(new GZIPInputStream(new ByteArrayInputStream(shapes.gzipped())));
    int scale = body.get("scale").asInt();
    JsonNode ring = body.get("shapes").get(0).get(0).get(0);
    double x = 0;
    double y = 0;
    double minX = Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    for (int i = 0; i < ring.size(); i += 2) {
      x += ring.get(i).asInt();
      y += ring.get(i + 1).asInt();
      minX = Math.min(minX, x / scale);
      maxY = Math.max(maxY, y / scale);
    }
    assertThat(minX).isEqualTo(-0.1);
    assertThat(maxY).isEqualTo(51.6);
    assertThat(body.get("shapes").get(1)).hasSize(2);
  }

  @Test
  void allOfLondonBecomesLightEnoughForABrowser() throws Exception {
    Path file = Path.of(System.getProperty("patrolcast.data.dir", "../shared/data"))
        .resolve("boundaries/geojson_wgs84/london_lsoa2021_ons_gen20.geojson.gz");
    Assumptions.assumeTrue(Files.exists(file), "shared data not found at " + file);
    BoundaryShapes shapes = BoundaryShapes.load("lsoa", file, "LSOA21CD", "LSOA21NM", 0.0003);
    assertThat(shapes.codes()).hasSize(4994).doesNotHaveDuplicates();
    assertThat(shapes.vertices()).isLessThan(shapes.sourceVertices() * 2 / 3);
    assertThat(shapes.gzipped().length).isLessThan(400 * 1024);
  }
}
