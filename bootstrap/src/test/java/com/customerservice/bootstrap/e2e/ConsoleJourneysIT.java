package com.customerservice.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.customerservice.adapter.kyc.SandboxKycVerifier;
import com.customerservice.testkit.fakes.MutableClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The back-office console in a real browser (Debian's headless Chromium) against the real service
 * and PostgreSQL: a reviewer signs in, takes the oldest case, decides it, and finds their name in
 * the customer's audit trail; a client app's key cannot sign in; signing out ends the session. The
 * browser's console must report no Content-Security-Policy violation. Without Chromium and
 * chromedriver installed these journeys are skipped.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleJourneysIT {
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final String REVIEWER = "ines.mabunda";
  private static final String REVIEWER_KEY = "sk_test_ines_mabunda_back_office_0001";
  private static final String COLLEAGUE = "carlos.tembe";
  private static final String COLLEAGUE_KEY = "sk_test_carlos_tembe_back_office_002";
  private static final String APP_KEY = "sk_test_mobile_app_customers_only_03";
  private static final MutableClock CLOCK =
      new MutableClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES));

  @TempDir static Path dataDir;
  private static RunningService service;
  private static WebDriver driver;
  private static final List<LogRecord> seleniumManager = new ArrayList<>();
  private static final List<String> customers = new ArrayList<>();

  @BeforeAll
  static void start() throws IOException {
    assumeTrue(
        Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM),
        "Chromium and chromedriver are not installed (apt-get install chromium chromium-driver):"
            + " the console's browser journeys are skipped");
    Path keys = dataDir.resolve("api-keys");
    Files.writeString(keys, "mobile-app customers sha256:" + sha256(APP_KEY) + "\n");
    Map<String, String> env = RunningService.sandboxOnFreshSchema(dataDir);
    env.put("API_KEYS", REVIEWER + ":" + REVIEWER_KEY + "," + COLLEAGUE + ":" + COLLEAGUE_KEY);
    env.put("API_KEYS_FILE", keys.toString());
    service = RunningService.start(env, CLOCK);
    seedReviews();
    driver = browser();
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (service != null) {
      service.close();
    }
  }

  @BeforeEach
  void freshBrowserSession() {
    driver.manage().deleteAllCookies();
  }

  /** Chromium from Debian, its driver by path: Selenium Manager never runs, nothing downloads. */
  private static WebDriver browser() throws IOException {
    Logger manager = Logger.getLogger("org.openqa.selenium.manager");
    manager.setLevel(Level.ALL);
    manager.addHandler(
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            seleniumManager.add(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        });
    ChromeDriverService driverService =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toString());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1366,900",
        "--user-data-dir=" + Files.createTempDirectory(dataDir, "chromium"));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriver chrome = new ChromeDriver(driverService, options);
    // A laptop's 1366 × 900 page, whatever the window's own frame takes.
    chrome.manage().window().setSize(new Dimension(1366, 900));
    Number frame = (Number) chrome.executeScript("return window.outerHeight - window.innerHeight");
    chrome.manage().window().setSize(new Dimension(1366, 900 + frame.intValue()));
    return chrome;
  }

  /**
   * Five customers whose selfies the sandbox leaves to a person, opened over three and a half
   * hours; the second one's profile disagrees with their document, and a colleague holds the third.
   */
  private static void seedReviews() {
    String app = "Bearer " + APP_KEY;
    String[][] people = {
      {"+258841230001", null, null},
      {"+258841230002", null, "Macuácua"},
      {"+258841230003", null, null},
      {"+258841230004", null, null},
      {"+258841230005", null, null}
    };
    Duration[] gaps = {
      Duration.ofMinutes(47), Duration.ofMinutes(65), Duration.ofMinutes(38), Duration.ofMinutes(22)
    };
    for (int i = 0; i < people.length; i++) {
      String id = service.onboardAs(app, people[i][0]);
      customers.add(id);
      String reference =
          service
              .uploadAs(
                  app,
                  "/v1/customers/" + id + "/upload-document",
                  Map.of("doc_type", "MZ_BI"),
                  Map.of(
                      "image1", ConsoleImages.cardFront(i + 11),
                      "image2", ConsoleImages.cardBack(i + 11)))
              .json()
              .path("reference")
              .asText();
      JsonNode read =
          service
              .getAs("Bearer " + REVIEWER_KEY, "/v1/customers/" + id + "/kyc")
              .json()
              .path("document")
              .path("extracted");
      String lastName = people[i][2] == null ? read.path("last_name").asText() : people[i][2];
      service.putAs(
          app,
          "/v1/customers/" + id,
          "{\"first_name\":\""
              + read.path("first_name").asText()
              + "\",\"last_name\":\""
              + lastName
              + "\",\"date_of_birth\":\""
              + read.path("date_of_birth").asText()
              + "\",\"email\":\""
              + read.path("first_name")
                  .asText()
                  .toLowerCase(java.util.Locale.ROOT)
                  .replaceAll("[^a-z]", "")
              + "@example.co.mz\"}");
      var selfie =
          service.uploadAs(
              app,
              "/v1/customers/" + id + "/upload-selfie",
              Map.of("reference", reference),
              Map.of("image", ConsoleImages.selfie(SandboxKycVerifier.REVIEW_LATER_WIDTH, i)));
      assertThat(selfie.json().path("result").asText()).isEqualTo("processing");
      CLOCK.advance(Duration.ofSeconds(15));
      awaitReview(id);
      if (i < gaps.length) {
        CLOCK.advance(gaps[i]);
      }
    }
    service.postAs(
        "Bearer " + COLLEAGUE_KEY,
        "/v1/kyc/reviews/" + openReview(customers.get(2)) + "/claim",
        "");
    // Each later review took 15 s of the clock to open; the oldest has then waited 3 h 12 min.
    CLOCK.advance(Duration.ofMinutes(20).minusSeconds(15L * (people.length - 1)));
  }

  private static String openReview(String customer) {
    return service
        .getAs("Bearer " + REVIEWER_KEY, "/v1/customers/" + customer + "/kyc")
        .json()
        .path("open_review")
        .asText();
  }

  /** The scheduler polls the sandbox, whose verdict then opens the review. */
  private static void awaitReview(String customer) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (openReview(customer).isEmpty() || openReview(customer).equals("null")) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no review opened for " + customer);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private static String sha256(String secret) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- finding controls as a person (or a screen reader) names them ----

  private static WebElement field(String label) {
    WebElement labelled =
        driver.findElement(By.xpath("//label[normalize-space()='" + label + "']"));
    WebElement field = driver.findElement(By.id(labelled.getAttribute("for")));
    assertThat(field.getAccessibleName()).isEqualTo(label);
    return field;
  }

  private static WebElement button(String name) {
    WebElement button = driver.findElement(By.xpath("//button[normalize-space()='" + name + "']"));
    assertThat(button.getAccessibleName()).isEqualTo(name);
    return button;
  }

  private static WebElement link(String name) {
    return driver.findElement(By.linkText(name));
  }

  /**
   * Waits for a page that may still be replacing the one before it: an element read from the old
   * page goes stale when the new one arrives, which means "not yet", never a failure.
   */
  private static WebDriverWait waiting() {
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  private static void open(String path) {
    driver.get(service.url(path));
  }

  private static void signIn(String key) {
    open("/console");
    assertThat(driver.getCurrentUrl()).contains("/console/sign-in");
    field("API key").sendKeys(key, Keys.ENTER);
  }

  private static String heading() {
    return driver.findElement(By.tagName("h1")).getText();
  }

  /** What the browser's console said; a CSP violation shows here. */
  private static List<String> browserLog() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .map(LogEntry::getMessage)
        .toList();
  }

  private static void screenshot(String name) throws IOException {
    Path directory =
        Path.of(System.getProperty("console.screenshots", "target/console-screenshots"));
    Files.createDirectories(directory);
    Files.write(
        directory.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
  }

  @Test
  @Order(1)
  void theQueueAndAReviewAsAReviewerSeesThem() throws IOException {
    signIn(REVIEWER_KEY);
    waiting().until(d -> heading().equals("Review queue"));
    var rows = driver.findElements(By.cssSelector("table.list tbody tr"));
    assertThat(rows).hasSize(5);
    assertThat(rows.get(0).findElement(By.cssSelector("td.waiting")).getText())
        .isEqualTo("3 h 12 min");
    assertThat(rows.get(2).getText()).contains(COLLEAGUE);
    screenshot("console-queue.png");

    open("/console/reviews/" + openReview(customers.get(1)));
    assertThat(driver.findElements(By.cssSelector("table.compare tr.differs"))).hasSize(1);
    for (WebElement image : driver.findElements(By.cssSelector(".evidence img"))) {
      assertThat(image.getRect().getWidth()).isGreaterThanOrEqualTo(360);
      Object loaded =
          ((JavascriptExecutor) driver).executeScript("return arguments[0].naturalWidth", image);
      assertThat(((Number) loaded).intValue()).isPositive();
    }
    screenshot("console-review.png");
    assertThat(browserLog()).noneMatch(line -> line.contains("Content Security Policy"));
  }

  @Test
  @Order(2)
  void aReviewerApprovesTheOldestCaseWithoutAReloadAndTheTrailNamesThem() {
    signIn(REVIEWER_KEY);
    waiting().until(d -> heading().equals("Review queue"));
    link("Take the next review").click();
    waiting().until(d -> heading().startsWith("Review of"));
    assertThat(driver.getCurrentUrl()).endsWith(openReview(customers.get(0)));
    ((JavascriptExecutor) driver).executeScript("window.sameDocument = true");

    button("Approve").click();

    waiting()
        .until(
            d ->
                !d.findElements(By.cssSelector("#decision [role=status]")).isEmpty()
                    && d.findElement(By.cssSelector("#decision [role=status]"))
                        .getText()
                        .equals("Approved: the customer is verified."));
    assertThat(((JavascriptExecutor) driver).executeScript("return window.sameDocument"))
        .isEqualTo(true);
    assertThat(driver.findElement(By.cssSelector(".outcome")).getText())
        .startsWith("Approved by " + REVIEWER);
    link("The customer's page").click();
    waiting().until(d -> !d.findElements(By.cssSelector("ol.timeline li")).isEmpty());
    assertThat(driver.findElement(By.cssSelector(".meta .badge")).getText()).isEqualTo("verified");
    assertThat(driver.findElement(By.cssSelector("ol.timeline li")).getText())
        .contains("· customer.kyc.verified · by " + REVIEWER);
    assertThat(browserLog()).noneMatch(line -> line.contains("Content Security Policy"));
  }

  @Test
  @Order(3)
  void aReviewerRejectsWithAReasonAndANoteUsingTheKeyboard() {
    signIn(REVIEWER_KEY);
    waiting().until(d -> heading().equals("Review queue"));
    open("/console/reviews/" + openReview(customers.get(1)));

    button("Reject").click();
    waiting().until(d -> !d.findElements(By.cssSelector("#decision [role=alert]")).isEmpty());
    assertThat(driver.findElement(By.cssSelector("#decision [role=alert]")).getText())
        .isEqualTo("Choose a reason for the rejection.");

    new Select(field("Reason")).selectByValue("data_mismatch");
    field("Note").sendKeys("Surname on the card is not the one in the profile.");
    WebElement reject = button("Reject");
    reject.sendKeys(Keys.ENTER);

    waiting()
        .until(
            d ->
                !d.findElements(By.cssSelector(".outcome")).isEmpty()
                    && d.findElement(By.cssSelector(".outcome")).getText().startsWith("Rejected"));
    assertThat(driver.findElement(By.cssSelector(".outcome")).getText())
        .startsWith("Rejected by " + REVIEWER);
    assertThat(driver.findElement(By.cssSelector("blockquote.note")).getText())
        .isEqualTo("Surname on the card is not the one in the profile.");
    JsonNode customer =
        service
            .getAs("Bearer " + REVIEWER_KEY, "/v1/customers/" + customers.get(1))
            .json()
            .path("customer");
    assertThat(customer.path("kyc_status").asText()).isEqualTo("rejected");
    assertThat(browserLog()).noneMatch(line -> line.contains("Content Security Policy"));
  }

  @Test
  @Order(4)
  void aClientAppsKeyCannotSignIn() {
    signIn(APP_KEY);

    waiting().until(d -> !d.findElements(By.cssSelector("[role=alert]")).isEmpty());
    assertThat(driver.findElement(By.cssSelector("[role=alert]")).getText())
        .contains("back_office");
    assertThat(driver.getCurrentUrl()).endsWith("/console/sign-in");
    assertThat(driver.manage().getCookies()).isEmpty();
    open("/console/reviews");
    assertThat(heading()).isEqualTo("Sign in");
  }

  @Test
  @Order(5)
  void signingOutEndsTheSession() {
    signIn(COLLEAGUE_KEY);
    waiting().until(d -> heading().equals("Review queue"));
    assertThat(driver.manage().getCookieNamed("console_session").isHttpOnly()).isTrue();

    link("Sign out").click();

    waiting().until(d -> d.getCurrentUrl().contains("/console/sign-in"));
    assertThat(driver.findElement(By.cssSelector("[role=status]")).getText())
        .isEqualTo("You have signed out.");
    open("/console/customers");
    assertThat(heading()).isEqualTo("Sign in");
    assertThat(browserLog()).noneMatch(line -> line.contains("Content Security Policy"));
  }

  @Test
  @Order(6)
  void seleniumManagerNeverRan() {
    assertThat(seleniumManager).isEmpty();
  }
}
