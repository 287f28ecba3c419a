package dev.sluice.studio;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium, headless, driven through Debian's chromedriver (installed by
 * {@code scripts/chromium.sh}); a fresh profile directory per browser. Screenshots are decoded and
 * checked, and kept under {@code target/studio-screenshots} for people to look at.
 */
final class Browser implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final int WIDTH = 1280;
  static final int HEIGHT = 860;

  final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** Missing chromium fails under {@code CI=true}, else aborts (a visible skip), as an unreachable database does. */
  static void requireChromium() {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      String why = "chromium or chromedriver is missing (" + CHROMIUM + ", " + CHROMEDRIVER
          + "); install them with scripts/chromium.sh";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        Assertions.fail(why + " — CI=true, so this is a failure, not a skip");
      }
      Assumptions.abort(why + " — skipped outside CI");
    }
  }

  static Browser start() {
    requireChromium();
    try {
      Path profile = Files.createTempDirectory("sluice-studio-chromium-");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM.toFile());
      options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--disable-dev-shm-usage", "--window-size=" + WIDTH + "," + HEIGHT, "--user-data-dir=" + profile);
      ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
          .usingAnyFreePort().build();
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
      return new Browser(driver, profile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Takes a screenshot, saves it as {@code target/studio-screenshots/<name>.png} and checks it: a PNG
   * of the window's size, not blank (many distinct colours: text, borders, the page's own colours),
   * with the studio's header colour in its top band (the style sheet was applied).
   */
  BufferedImage screenshot(String name) {
    byte[] png = driver.getScreenshotAs(OutputType.BYTES);
    try {
      Path dir = Path.of("target", "studio-screenshots");
      Files.createDirectories(dir);
      Files.write(dir.resolve(name + ".png"), png);
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
      Assertions.assertNotNull(image, name + ": not a PNG image");
      Assertions.assertEquals(WIDTH, image.getWidth(), name + ": width");
      Assertions.assertTrue(image.getHeight() > HEIGHT / 2, name + ": height " + image.getHeight());
      Set<Integer> colours = new HashSet<>();
      for (int y = 0; y < image.getHeight(); y += 2) {
        for (int x = 0; x < image.getWidth(); x += 2) {
          colours.add(image.getRGB(x, y) & 0xffffff);
        }
      }
      Assertions.assertTrue(colours.size() > 40, name + ": only " + colours.size() + " distinct colours, the page looks blank");
      Assertions.assertEquals(0x1d3557, image.getRGB(WIDTH / 2, 5) & 0xffffff, name + ": the header's colour is missing");
      return image;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override public void close() {
    try {
      driver.quit();
    } finally {
      deleteTree(profile.toFile());
    }
  }

  private static void deleteTree(File f) {
    File[] children = f.listFiles();
    if (children != null) {
      for (File c : children) {
        deleteTree(c);
      }
    }
    f.delete();
  }
}
