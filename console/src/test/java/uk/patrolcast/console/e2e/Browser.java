package uk.patrolcast.console.e2e;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import uk.patrolcast.platform.files.FileTree;

/**
 * Debian's Chromium, headless, driven by Debian's chromedriver (no browser download): a fresh
 * profile, downloads into a known folder, screenshots on demand.
 */
final class Browser implements AutoCloseable {
  static final Path CHROMEDRIVER = Path.of(System.getProperty("console.chromedriver", "/usr/bin/chromedriver"));
  static final Path CHROMIUM = Path.of(System.getProperty("console.chromium", "/usr/bin/chromium"));

  final WebDriver driver;
  final Path downloads;
  private final Path profile;

  Browser() throws Exception {
    profile = Files.createTempDirectory("console-e2e-profile");
    downloads = Files.createTempDirectory("console-e2e-downloads");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--window-size=1400,1000", "--user-data-dir=" + profile);
    Map<String, Object> prefs = new HashMap<>();
    prefs.put("download.default_directory", downloads.toString());
    prefs.put("download.prompt_for_download", false);
    options.setExperimentalOption("prefs", prefs);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .withLogOutput(java.io.OutputStream.nullOutputStream()).build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
  }

  static boolean available() {
    return Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM);
  }

  WebDriverWait waiting(long seconds) {
    // Pages re-render when live data arrives: an element read mid-render is simply read again.
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(seconds), Duration.ofMillis(200));
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  WebElement test(String id) {
    return driver.findElement(By.cssSelector("[data-test='" + id + "']"));
  }

  List<WebElement> tests(String id) {
    return driver.findElements(By.cssSelector("[data-test='" + id + "']"));
  }

  /** An attribute of a data-test element, read again if the page re-renders it meanwhile. */
  String attribute(String id, String name) {
    return waiting(10).until(d -> {
      String v = test(id).getAttribute(name);
      return v == null ? "" : v;
    });
  }

  /** The text of a data-test element, read again if the page re-renders it meanwhile. */
  String text(String id) {
    return waiting(10).until(d -> test(id).getText());
  }

  /** The text of a data-test element once it exists and is not empty or a dash. */
  String textOf(String id, long seconds) {
    return waiting(seconds).until(d -> {
      List<WebElement> found = tests(id);
      if (found.isEmpty()) {
        return null;
      }
      String t = found.get(0).getText().trim();
      return t.isEmpty() || t.equals("–") ? null : t;
    });
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  void open(String url, String page) {
    driver.get(url);
    waiting(120).until(d -> "true".equals(js("return document.getElementById('page').dataset.ready || ''"))
        && page.equals(js("return document.getElementById('page').dataset.page")));
  }

  void screenshot(Path dir, String name) throws Exception {
    Files.createDirectories(dir);
    js("window.scrollTo(0, 0)");
    Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
  }

  /** Waits for a downloaded file (Chromium writes .crdownload first). */
  File download(String name, long seconds) {
    return waiting(seconds).until(d -> {
      File f = downloads.resolve(name).toFile();
      return f.exists() && f.length() > 0 && !downloads.resolve(name + ".crdownload").toFile().exists() ? f : null;
    });
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      FileTree.deleteQuietly(profile);
      FileTree.deleteQuietly(downloads);
    }
  }
}
