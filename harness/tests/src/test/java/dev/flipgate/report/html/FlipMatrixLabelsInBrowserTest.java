package dev.flipgate.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flipgate.testing.Browser;
import dev.flipgate.testing.CliRun;
import dev.flipgate.testing.RepositoryPaths;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The flip matrix with class names longer than a character (the bundled breast-cancer set's
 * {@code benign}/{@code malignant}), measured in a real Chromium: no class name overlaps another
 * or a cell, and every one is drawn inside the chart.
 */
class FlipMatrixLabelsInBrowserTest {
  @TempDir Path directory;
  private ChromeDriver browser;

  @AfterEach
  void closeTheBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void longClassNamesNeitherOverlapNorLeaveTheChart() {
    CliRun gate = CliRun.of("gate", RepositoryPaths.root().resolve("golden-sets/breast-cancer/suite.yaml").toString(),
        "--out", directory.toString(), "--quiet", "--no-ledger", "--no-cache");
    assertThat(gate.exitCode()).as(gate.toString()).isIn(0, 1);
    browser = Browser.start();
    browser.get(directory.resolve("report.html").toUri().toString());

    @SuppressWarnings("unchecked")
    var boxes = (List<Map<String, Object>>) browser.executeScript("""
        var svg = document.getElementById('flip-matrix').getBoundingClientRect();
        return Array.from(document.querySelectorAll('#flip-matrix text, #flip-matrix rect')).map(function (e) {
          var r = e.getBoundingClientRect();
          return {tag: e.tagName, text: e.textContent, left: r.left, top: r.top, right: r.right, bottom: r.bottom,
                  inside: r.left >= svg.left && r.top >= svg.top && r.right <= svg.right && r.bottom <= svg.bottom};
        });""");
    List<Map<String, Object>> names = boxes.stream()
        .filter(b -> b.get("tag").equals("text") && List.of("benign", "malignant").contains(b.get("text"))).toList();
    List<Map<String, Object>> cells = boxes.stream().filter(b -> b.get("tag").equals("rect")).toList();

    assertThat(names).as("each class named once per axis").hasSize(4);
    assertThat(cells).hasSize(4);
    assertThat(names).allSatisfy(name -> assertThat(name.get("inside")).as(name.get("text") + " inside the chart").isEqualTo(true));
    for (int i = 0; i < names.size(); i++) {
      for (int j = i + 1; j < names.size(); j++) {
        assertThat(overlap(names.get(i), names.get(j))).as(names.get(i).get("text") + " and " + names.get(j).get("text")).isFalse();
      }
      for (Map<String, Object> cell : cells) {
        assertThat(overlap(names.get(i), cell)).as(names.get(i).get("text") + " over a cell").isFalse();
      }
    }
  }

  /** Boxes that share more than a pixel: upright or turned a quarter, a text.s box is exact. */
  private static boolean overlap(Map<String, Object> a, Map<String, Object> b) {
    return number(a, "left") < number(b, "right") - 1 && number(b, "left") < number(a, "right") - 1
        && number(a, "top") < number(b, "bottom") - 1 && number(b, "top") < number(a, "bottom") - 1;
  }

  private static double number(Map<String, Object> box, String key) {
    return ((Number) box.get(key)).doubleValue();
  }
}
