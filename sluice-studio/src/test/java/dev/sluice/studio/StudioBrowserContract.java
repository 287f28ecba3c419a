package dev.sluice.studio;

import static dev.sluice.studio.Parts.PARTS;
import static dev.sluice.studio.StudioDatabase.T;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.Database;
import dev.sluice.Row;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The studio's page in a real headless chromium (Selenium), on a database of this run's own with
 * the 45 seeded parts, one subclass per database (SQLite, PostgreSQL, MariaDB): tables listed, a
 * table opened, paged, sorted, filtered, a row edited and found saved in the database, a row changed
 * behind the page reported (409) rather than overwritten, and the read-only studio showing no edit
 * control. One browser serves a class's tests. The main views are screenshotted and checked
 * ({@link Browser#screenshot}), as {@code <database>-<view>.png}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StudioBrowserContract {
  /** A guard against a hung page, never a speed assertion. */
  static final Duration WAIT = Duration.ofSeconds(60);

  Database db;
  StudioServer readOnly;
  StudioServer writable;
  Browser browser;

  /** A fresh database of this run with the seeded parts ({@link StudioDatabase}). */
  abstract Database open();

  /** The database's name in screenshot file names. */
  abstract String name();

  @BeforeAll
  void start() {
    Browser.requireChromium();
    db = open();
    List<StudioTable> tables = List.of(StudioTable.of(PARTS));
    readOnly = Studio.of(db, tables).port(0).start().block(T);
    writable = Studio.of(db, tables).writable(true).port(0).start().block(T);
    browser = Browser.start();
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.close();
    }
    if (readOnly != null) {
      readOnly.close();
    }
    if (writable != null) {
      writable.close();
    }
    if (db != null) {
      db.close().block(T);
    }
  }

  BufferedImage shot(String view) {
    return browser.screenshot(name() + "-" + view);
  }

  WebDriverWait waiting() {
    return new WebDriverWait(browser.driver, WAIT);
  }

  /** Opens the studio's page and the parts table; waits for its first page. */
  void openParts(StudioServer studio) {
    browser.driver.get(studio.url());
    waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("#tables button[data-table='parts']"))).click();
    waitForPageInfo("Page 1 of 3 · 45 rows");
  }

  void waitForPageInfo(String text) {
    waiting().until(ExpectedConditions.textToBe(By.id("pageinfo"), text));
  }

  List<String> shownColumn(String column) {
    return browser.driver.findElements(By.cssSelector("#grid tbody td[data-column='" + column + "']")).stream()
        .map(WebElement::getText).toList();
  }

  void filter(String column, String value) {
    WebElement input = browser.driver.findElement(By.cssSelector("input.filter[data-column='" + column + "']"));
    input.clear();
    input.sendKeys(value, Keys.ENTER);
  }

  Row stored(int id) {
    return db.sql("SELECT name, price, note FROM parts WHERE id = {0}", id).fetch().blockFirst(T);
  }

  @Test
  void listsTheTablesAndOpensOneOnItsFirstPage() {
    browser.driver.get(readOnly.url());
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#tables button[data-table='parts']")));
    assertThat(browser.driver.findElements(By.cssSelector("#tables button")).stream().map(WebElement::getText).toList())
        .containsExactly("parts");
    assertThat(browser.driver.findElement(By.id("mode")).getText()).isEqualTo("read-only");
    waiting().until(ExpectedConditions.textToBe(By.id("dialect"), db.dialect().name()));   // the page is on this database
    shot("01-tables");
    browser.driver.findElement(By.cssSelector("#tables button[data-table='parts']")).click();
    waitForPageInfo("Page 1 of 3 · 45 rows");
    assertThat(shownColumn("id")).hasSize(20).startsWith("1", "2", "3").endsWith("20");
    assertThat(shownColumn("stock").get(0)).isEqualTo("9007199254740993");
    assertThat(shownColumn("price").get(0)).isEqualTo("9999999999.99");
    assertThat(shownColumn("note").get(4)).isEqualTo("NULL");
    BufferedImage shot = shot("02-table");
    assertThat(shot.getWidth()).isEqualTo(Browser.WIDTH);
  }

  @Test
  void pagesForwardAndBack() {
    openParts(readOnly);
    browser.driver.findElement(By.id("next")).click();
    waitForPageInfo("Page 2 of 3 · 45 rows");
    assertThat(shownColumn("id")).startsWith("21").endsWith("40");
    browser.driver.findElement(By.id("next")).click();
    waitForPageInfo("Page 3 of 3 · 45 rows");
    assertThat(shownColumn("id")).containsExactly("41", "42", "43", "44", "45");
    assertThat(browser.driver.findElement(By.id("next")).isEnabled()).isFalse();
    browser.driver.findElement(By.id("prev")).click();
    waitForPageInfo("Page 2 of 3 · 45 rows");
  }

  @Test
  void sortsByAColumnWhenItsHeaderIsClicked() {
    openParts(readOnly);
    filter("name", "part-");
    WebElement header = browser.driver.findElement(By.cssSelector("th[data-column='stock']"));
    header.click();
    waiting().until(ExpectedConditions.attributeToBe(By.cssSelector("th[data-column='stock']"), "data-dir", "asc"));
    header = browser.driver.findElement(By.cssSelector("th[data-column='stock']"));
    header.click();
    waiting().until(ExpectedConditions.attributeToBe(By.cssSelector("th[data-column='stock']"), "data-dir", "desc"));
    waiting().until(d -> shownColumn("id").get(0).equals("1")); // 2^53 + 1 is the largest stock
    assertThat(shownColumn("id")).startsWith("1", "45", "44", "43");
    shot("03-sorted");
  }

  @Test
  void filtersByTypingIntoAColumnsFilter() {
    openParts(readOnly);
    filter("name", "art-1");
    waitForPageInfo("Page 1 of 1 · 10 rows");
    assertThat(shownColumn("name")).containsExactly("part-10", "part-11", "part-12", "part-13", "part-14", "part-15",
        "part-16", "part-17", "part-18", "part-19");
    filter("active", "true");
    waitForPageInfo("Page 1 of 1 · 5 rows");
    assertThat(shownColumn("id")).containsExactly("10", "12", "14", "16", "18");
    shot("04-filtered");
    filter("stock", "lots");
    waiting().until(ExpectedConditions.attributeContains(By.id("status"), "class", "error"));
    assertThat(browser.driver.findElement(By.id("status")).getText()).isEqualTo(
        "Column stock (BIGINT): \"lots\" is not a whole number in range");
  }

  @Test
  void editsARowAndTheDatabaseHoldsItExactly() {
    openParts(writable);
    assertThat(browser.driver.findElement(By.id("mode")).getText()).isEqualTo("editing enabled");
    filter("id", "7");
    waitForPageInfo("Page 1 of 1 · 1 rows");
    browser.driver.findElement(By.cssSelector("#grid tbody button.edit")).click();
    WebElement name = browser.driver.findElement(By.cssSelector("input.cell[data-column='name']"));
    name.clear();
    name.sendKeys("edited in the browser");
    WebElement price = browser.driver.findElement(By.cssSelector("input.cell[data-column='price']"));
    price.clear();
    price.sendKeys("98765432.10");
    WebElement note = browser.driver.findElement(By.cssSelector("input.cell[data-column='note']"));
    note.clear();
    shot("05-editing");
    browser.driver.findElement(By.cssSelector("#grid tbody button.save")).click();
    waiting().until(ExpectedConditions.textToBe(By.id("status"), "Saved id = 7"));
    assertThat(shownColumn("name")).containsExactly("edited in the browser");
    assertThat(shownColumn("price")).containsExactly("98765432.10");
    assertThat(shownColumn("note")).containsExactly("NULL");
    Row row = stored(7);
    assertThat(row.get("name", String.class)).isEqualTo("edited in the browser");
    assertThat(row.get("price", Object.class).toString()).isEqualTo("98765432.10");
    assertThat(new BigDecimal(row.get("price", Object.class).toString())).isEqualByComparingTo("98765432.10");
    assertThat(row.get("note", Object.class)).isNull();
    shot("06-saved");
  }

  @Test
  void aRowChangedBehindThePageIsReportedNotOverwritten() {
    openParts(writable);
    filter("id", "8");
    waitForPageInfo("Page 1 of 1 · 1 rows");
    browser.driver.findElement(By.cssSelector("#grid tbody button.edit")).click();
    db.sql("UPDATE parts SET note = {0} WHERE id = {1}", "changed elsewhere", 8).execute().block(T);
    WebElement name = browser.driver.findElement(By.cssSelector("input.cell[data-column='name']"));
    name.clear();
    name.sendKeys("mine");
    browser.driver.findElement(By.cssSelector("#grid tbody button.save")).click();
    waiting().until(ExpectedConditions.attributeContains(By.id("status"), "class", "error"));
    assertThat(browser.driver.findElement(By.id("status")).getText())
        .startsWith("The row changed since the page read it: note is now \"changed elsewhere\"");
    assertThat(stored(8).get("name", String.class)).isEqualTo("part-08");
    shot("07-conflict");
  }

  @Test
  void theReadOnlyStudioShowsNoEditControl() {
    openParts(readOnly);
    assertThat(browser.driver.findElements(By.cssSelector("button.edit"))).isEmpty();
    assertThat(browser.driver.findElements(By.cssSelector("td.actions"))).isEmpty();
    assertThat(browser.driver.findElement(By.id("mode")).getText()).isEqualTo("read-only");
    shot("08-read-only");
  }
}
