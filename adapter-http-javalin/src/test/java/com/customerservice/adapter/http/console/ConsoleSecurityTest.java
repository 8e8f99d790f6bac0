package com.customerservice.adapter.http.console;

import static com.customerservice.adapter.http.console.ConsoleBrowser.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.customerservice.domain.console.ConsoleSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Who may use the console and how: signing in with a back-office key only, the session cookie,
 * sessions ending, forms from this console only (origin and form token), the sign-in budget, and
 * the headers on every answer.
 */
class ConsoleSecurityTest extends ConsoleTestSupport {

  private static void assertSecurityHeaders(ConsoleBrowser.Page page) {
    assertThat(page.header("Content-Security-Policy")).startsWith("default-src 'self'");
    assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
    assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(page.header("Referrer-Policy")).isEqualTo("same-origin");
  }

  @Test
  void aBackOfficeKeySignsInAndGetsAStrictSessionCookie() {
    var form = browser.get("/console/sign-in");
    assertThat(form.status()).isEqualTo(200);
    var doc = form.html();
    assertThat(doc.select("label[for=api_key]").text()).isEqualTo("API key");
    assertThat(doc.select("input#api_key").attr("type")).isEqualTo("password");
    assertThat(doc.select("form button").text()).isEqualTo("Sign in");

    var signedIn = browser.signIn(ALICE);

    assertThat(signedIn.status()).isEqualTo(303);
    assertThat(signedIn.header("Location")).isEqualTo("/console/reviews");
    String cookie = signedIn.header("Set-Cookie");
    assertThat(cookie)
        .startsWith("console_session=")
        .contains("; Path=/console", "; HttpOnly", "; SameSite=Strict")
        .contains("; Max-Age=" + ConsoleSession.LIFETIME.toSeconds())
        .doesNotContain("Secure")
        .doesNotContain(ALICE);
    var queue = browser.get("/console/reviews");
    assertThat(queue.status()).isEqualTo(200);
    assertThat(queue.html().select("nav[aria-label=Main] a").eachText())
        .containsExactly("Reviews", "Customers", "Webhooks", "Sign out");
    assertThat(queue.html().select(".who").text()).isEqualTo("Signed in as alice");
  }

  @Test
  void aCustomersKeyOrAnUnknownKeyCannotSignIn() {
    var refused = browser.signIn(APP);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.header("Set-Cookie")).isNull();
    assertThat(refused.html().select("[role=alert]").text()).contains("back_office");
    assertThat(refused.html().select("input#api_key")).hasSize(1);

    var unknown = browser.signIn("sk_test_nobody_knows_this_key");
    assertThat(unknown.status()).isEqualTo(401);
    assertThat(unknown.header("Set-Cookie")).isNull();
    assertThat(unknown.body()).doesNotContain("sk_test_nobody_knows_this_key");

    assertThat(browser.get("/console/reviews").status()).isEqualTo(303);
  }

  @Test
  void withoutASessionEveryPageLeadsToSignInAndComesBackAfterwards() {
    var page = browser.get("/console/reviews?status=decided");
    assertThat(page.status()).isEqualTo(303);
    assertThat(page.header("Location"))
        .isEqualTo("/console/sign-in?next=%2Fconsole%2Freviews%3Fstatus%3Ddecided");
    assertSecurityHeaders(page);

    var htmx = browser.post("/console/reviews/rev_x/claim", Map.of(), Map.of("HX-Request", "true"));
    assertThat(htmx.status()).isEqualTo(401);
    assertThat(htmx.header("HX-Redirect")).startsWith("/console/sign-in");

    var signedIn =
        browser.post(
            "/console/sign-in", form("api_key", ALICE, "next", "/console/reviews?status=decided"));
    assertThat(signedIn.header("Location")).isEqualTo("/console/reviews?status=decided");

    var elsewhere = newBrowser();
    var away =
        elsewhere.post("/console/sign-in", form("api_key", ALICE, "next", "//attacker.example/x"));
    assertThat(away.header("Location")).isEqualTo("/console/reviews");
    assertThat(browser.get("/console").header("Location")).isEqualTo("/console/reviews");
  }

  @Test
  void signingOutEndsTheSessionOnTheServerNotOnlyInTheBrowser() {
    signIn(browser, ALICE);
    String stolen = browser.sessionCookie();
    var confirm = browser.get("/console/sign-out");
    assertThat(confirm.html().select("form[method=post] button").text()).isEqualTo("Sign out");

    var out = browser.post("/console/sign-out", form("csrf", confirm.csrf()));

    assertThat(out.status()).isEqualTo(303);
    assertThat(out.header("Location")).isEqualTo("/console/sign-in?signed_out=1");
    assertThat(out.header("Set-Cookie")).contains("Max-Age=0");
    assertThat(browser.get(out.header("Location")).html().select("[role=status]").text())
        .isEqualTo("You have signed out.");
    var replayed = newBrowser();
    replayed.useSessionCookie(stolen);
    assertThat(replayed.get("/console/reviews").status()).isEqualTo(303);
  }

  @Test
  void aSessionLastsEightHours() {
    signIn(browser, BOB);
    app.clock.advance(ConsoleSession.LIFETIME.minusMinutes(1));
    assertThat(browser.get("/console/customers").status()).isEqualTo(200);
    app.clock.advance(Duration.ofMinutes(1));
    assertThat(browser.get("/console/customers").status()).isEqualTo(303);
  }

  @Test
  void aFormFromAnotherOriginOrWithoutTheSessionsTokenIsRefused() {
    String customer = aCaseForReview("Amélia", "Cossa");
    String review = reviewOf(customer);
    signIn(browser, ALICE);
    String csrf = browser.get("/console/reviews/" + review).csrf();
    String claim = "/console/reviews/" + review + "/claim";

    assertThat(browser.post(claim, Map.of()).status()).isEqualTo(403);
    assertThat(browser.post(claim, form("csrf", "not-the-token")).status()).isEqualTo(403);
    var foreign =
        browser.post(claim, form("csrf", csrf), Map.of("Origin", "http://attacker.example"));
    assertThat(foreign.status()).isEqualTo(403);
    assertThat(foreign.html().select("h1").text()).isEqualTo("Request refused");
    assertSecurityHeaders(foreign);
    assertThat(browser.post(claim, form("csrf", csrf), Map.of()).status()).isEqualTo(403);
    assertThat(browser.post(claim, form("csrf", csrf), Map.of("Origin", "null")).status())
        .isEqualTo(403);
    assertThat(app.useCases.kycReviews().get(review).holder()).isEmpty();

    var byReferer =
        browser.post(
            claim, form("csrf", csrf), Map.of("Referer", browser.origin() + "/console/reviews"));
    assertThat(byReferer.status()).isEqualTo(200);
    var byHeader =
        browser.post(claim, Map.of(), Map.of("Origin", browser.origin(), Guard.CSRF_HEADER, csrf));
    assertThat(byHeader.status()).isEqualTo(200);
    assertThat(app.useCases.kycReviews().get(review).holder()).contains("alice");
  }

  @Test
  void anotherSessionsTokenDoesNotOpenThisOne() {
    var other = newBrowser();
    signIn(other, BOB);
    String bobsToken = other.get("/console/customers").html().select("body").attr("hx-headers");
    signIn(browser, ALICE);
    assertThat(browser.get("/console/customers").html().select("body").attr("hx-headers"))
        .isNotEqualTo(bobsToken);
  }

  @Test
  void signInAttemptsAreLimited() {
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      statuses.add(browser.signIn("sk_test_guess_" + i).status());
    }
    assertThat(statuses.subList(0, 10)).containsOnly(401);
    var limited = browser.signIn(ALICE);
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("Retry-After")).isNotNull();
    assertThat(limited.header("Set-Cookie")).isNull();
    assertThat(limited.html().select("[role=alert]").text()).contains("Too many sign-in attempts");

    app.clock.advance(Duration.ofMinutes(15));
    assertThat(browser.signIn(ALICE).status()).isEqualTo(303);
  }

  @Test
  void aSignInFromAnotherSiteIsRefused() {
    var page =
        browser.post(
            "/console/sign-in",
            form("api_key", ALICE),
            Map.of("Origin", "https://attacker.example"));
    assertThat(page.status()).isEqualTo(403);
    assertThat(page.header("Set-Cookie")).isNull();
  }

  @Test
  void everyAnswerCarriesTheSecurityHeadersAndNoStore() {
    String customer = aCaseForReview("Tomás", "Sitoe");
    String review = reviewOf(customer);
    signIn(browser, ALICE);
    var reviewPage = browser.get("/console/reviews/" + review);
    String image = reviewPage.html().select(".evidence img").first().attr("src");
    String stylesheet = reviewPage.html().select("link[rel=stylesheet]").attr("href");
    String htmx = reviewPage.html().select("script[src]").attr("src");
    List<ConsoleBrowser.Page> answers =
        List.of(
            browser.get("/console/sign-in"),
            browser.get("/console/reviews"),
            reviewPage,
            browser.get(image),
            browser.get("/console/customers"),
            browser.get("/console/customers/" + customer),
            browser.get("/console/webhooks"),
            browser.get("/console/reviews/rev_000000000000000000000000"),
            browser.get("/console/no-such-page"),
            browser.post("/console/reviews/" + review + "/claim", Map.of()));
    for (ConsoleBrowser.Page answer : answers) {
      assertSecurityHeaders(answer);
      assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
    }
    assertThat(browser.get(image).header("Content-Type")).startsWith("image/");
    for (String asset : List.of(stylesheet, htmx)) {
      var served = browser.get(asset);
      assertThat(served.status()).isEqualTo(200);
      assertSecurityHeaders(served);
      assertThat(served.header("Cache-Control")).contains("immutable");
    }
    assertThat(htmx).isEqualTo("/console/assets/htmx-2.0.10.min.js");
  }
}
