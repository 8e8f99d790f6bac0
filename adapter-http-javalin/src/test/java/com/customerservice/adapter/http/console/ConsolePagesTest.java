package com.customerservice.adapter.http.console;

import static com.customerservice.adapter.http.console.ConsoleBrowser.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.customerservice.application.port.in.ManageWebhookEndpointsUseCase;
import com.customerservice.domain.event.Actor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The console's pages as a browser receives them: what each shows, the names of its controls, the
 * masking the API applies, hostile text kept as text, and deciding a review without a reload.
 */
class ConsolePagesTest extends ConsoleTestSupport {

  /** Every control has a name a screen reader can say, and nothing runs inline (the CSP). */
  private static void assertAccessibleAndStrict(Document page) {
    for (Element field : page.select("input:not([type=hidden]), select, textarea")) {
      assertThat(page.select("label[for=" + field.id() + "]"))
          .as("label of %s", field)
          .isNotEmpty();
    }
    for (Element button : page.select("button")) {
      assertThat(button.text()).as("name of %s", button).isNotBlank();
    }
    for (Element link : page.select("a")) {
      assertThat(link.text().isBlank() && link.select("img[alt]").isEmpty())
          .as("name of %s", link)
          .isFalse();
    }
    page.select("img").forEach(img -> assertThat(img.attr("alt")).isNotBlank());
    assertThat(page.select("main h1")).hasSize(1);
    assertThat(page.select("script:not([src])")).isEmpty();
    assertThat(page.select("style")).isEmpty();
    assertThat(page.select("[style]")).isEmpty();
    for (Element element : page.getAllElements()) {
      element
          .attributes()
          .forEach(attribute -> assertThat(attribute.getKey()).doesNotStartWith("on"));
    }
  }

  private Map<String, String> htmx() {
    return Map.of("HX-Request", "true", "Origin", browser.origin());
  }

  @Test
  void theQueueListsOpenReviewsOldestFirstWithHowLongEachWaited() {
    String first = aCaseForReview("Amélia", "Cossa");
    app.clock.advance(Duration.ofMinutes(72));
    String second = aCaseForReview("Joaquim", "Macuácua");
    app.clock.advance(Duration.ofHours(2));
    signIn(browser, ALICE);

    var page = browser.get("/console/reviews");

    Document doc = page.html();
    assertAccessibleAndStrict(doc);
    assertThat(doc.select("h1").text()).isEqualTo("Review queue");
    var rows = doc.select("table.list tbody tr");
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).select("td").get(3).text()).isEqualTo(first);
    assertThat(rows.get(0).select("td.waiting").text()).isEqualTo("3 h 12 min");
    assertThat(rows.get(1).select("td").get(3).text()).isEqualTo(second);
    assertThat(rows.get(1).select("td.waiting").text()).isEqualTo("2 h 0 min");
    assertThat(rows.get(0).select("td").get(4).text()).isEqualTo("vendor review");
    assertThat(rows.get(0).select("td").get(5).text()).isEqualTo("scripted");
    assertThat(rows.get(0).select("td").get(6).text()).isEqualTo(Show.NONE);

    app.calls.callAs(
        Actor.apiKey("bob"), null, () -> app.useCases.kycReviews().claim(reviewOf(first)));
    assertThat(
            browser
                .get("/console/reviews")
                .html()
                .select("tbody tr")
                .get(0)
                .select("td")
                .get(6)
                .text())
        .isEqualTo("bob");
    var next = browser.get("/console/reviews/next");
    assertThat(next.header("Location")).isEqualTo("/console/reviews/" + reviewOf(second));
  }

  @Test
  void aReviewShowsTheEvidenceTheDocumentBesideTheProfileAndTheControls() {
    String customer = aCaseForReview("Jane", "Cossa");
    signIn(browser, ALICE);

    Document doc = browser.get("/console/reviews/" + reviewOf(customer)).html();

    assertAccessibleAndStrict(doc);
    assertThat(doc.select("h1").text()).isEqualTo("Review of Jane Cossa");
    assertThat(doc.select(".evidence figcaption").eachText())
        .containsExactly("Document, front", "Document, back", "Selfie");
    for (Element image : doc.select(".evidence img")) {
      assertThat(image.attr("src")).startsWith("/console/evidence/file_");
      assertThat(image.parent().attr("href")).isEqualTo(image.attr("src"));
      assertThat(browser.get(image.attr("src")).status()).isEqualTo(200);
    }
    var compare = doc.select("table.compare tbody tr");
    assertThat(compare.get(0).text()).isEqualTo("First name Jane Jane");
    assertThat(compare.get(0).hasClass("differs")).isFalse();
    assertThat(compare.get(1).text()).isEqualTo("Last name Machava Cossa differs");
    assertThat(compare.get(1).hasClass("differs")).isTrue();
    assertThat(doc.select("table.compare").text()).contains("ID number ***encrypted***");
    assertThat(doc.body().text()).doesNotContain("110100123456A");
    assertThat(doc.select("section > .findings > li").eachText())
        .containsExactly(
            "ResultCode: 0814", "ResultText: Under review", "Actions Liveness_Check: Under Review");

    Element panel = doc.selectFirst("#decision");
    assertThat(panel.select("button").eachText()).containsExactly("Claim", "Approve", "Reject");
    assertThat(panel.select("label[for=reason_code]").text()).isEqualTo("Reason");
    assertThat(panel.select("select#reason_code option").eachAttr("value"))
        .containsExactly(
            "",
            "face_mismatch",
            "not_live",
            "document_unreadable",
            "document_tampered",
            "data_mismatch",
            "other");
    assertThat(panel.select("label[for=note]").text()).isEqualTo("Note");
    assertThat(panel.select("textarea#note")).hasSize(1);
    assertThat(panel.select("form[hx-post]")).hasSize(2);
    assertThat(doc.select("body").attr("hx-headers")).contains(Guard.CSRF_HEADER);
    assertThat(doc.select("meta[name=htmx-config]").attr("content"))
        .contains("\"includeIndicatorStyles\":false");
  }

  @Test
  void approvingSwapsTheDecisionPanelAndTheCustomersTrailNamesTheReviewer() {
    String customer = aCaseForReview("Graça", "Nhantumbo");
    String review = reviewOf(customer);
    signIn(browser, ALICE);
    String csrf = browser.get("/console/reviews/" + review).csrf();
    app.clock.advance(Duration.ofMinutes(5));

    var claimed = browser.post("/console/reviews/" + review + "/claim", form("csrf", csrf), htmx());
    assertThat(claimed.status()).isEqualTo(200);
    assertThat(claimed.html().select("#decision .holder").text())
        .startsWith("You hold this review");
    var approved =
        browser.post(
            "/console/reviews/" + review + "/decision",
            form("csrf", csrf, "decision", "approve", "reason_code", "", "note", "Faces match."),
            htmx());

    assertThat(approved.status()).isEqualTo(200);
    Document fragment = approved.html();
    assertThat(fragment.select("h1")).isEmpty();
    assertThat(fragment.select("#decision [role=status]").text())
        .isEqualTo("Approved: the customer is verified.");
    assertThat(fragment.select(".outcome").text()).startsWith("Approved by alice");
    assertThat(fragment.select("blockquote.note").text()).isEqualTo("Faces match.");

    Document page = browser.get("/console/customers/" + customer).html();
    assertAccessibleAndStrict(page);
    assertThat(page.select(".meta .badge").text()).isEqualTo("verified");
    assertThat(page.select("ol.timeline li").first().text())
        .matches("2026-03-01 08:05 · customer\\.kyc\\.verified · by alice.*");
    assertThat(
            browser.get("/console/reviews?status=decided").html().select("tbody tr td").eachText())
        .contains(review, "approve", "alice");
  }

  @Test
  void aRejectionNeedsAReasonAndOtherNeedsANoteTheRefusalShownInThePanel() {
    String customer = aCaseForReview("Lurdes", "Mondlane");
    String review = reviewOf(customer);
    signIn(browser, ALICE);
    String csrf = browser.get("/console/reviews/" + review).csrf();
    String decide = "/console/reviews/" + review + "/decision";

    var noReason = browser.post(decide, form("csrf", csrf, "decision", "reject"), htmx());
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.html().select("#decision [role=alert]").text())
        .isEqualTo("Choose a reason for the rejection.");
    var noNote =
        browser.post(
            decide, form("csrf", csrf, "decision", "reject", "reason_code", "other"), htmx());
    assertThat(noNote.status()).isEqualTo(400);
    assertThat(noNote.html().select("[role=alert]").text()).startsWith("Write a note");
    assertThat(noNote.html().select("option[selected]").attr("value")).isEqualTo("other");

    var rejected =
        browser.post(
            decide,
            form(
                "csrf",
                csrf,
                "decision",
                "reject",
                "reason_code",
                "document_tampered",
                "note",
                "The photo was pasted over the card."),
            htmx());
    assertThat(rejected.status()).isEqualTo(200);
    assertThat(rejected.html().select(".outcome").text()).startsWith("Rejected by alice");
    assertThat(rejected.html().text()).contains("Reason: document tampered");

    var again = browser.post(decide, form("csrf", csrf, "decision", "approve"), htmx());
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.html().select("[role=alert]").text())
        .isEqualTo("This review has already been decided.");
    assertThat(browser.get("/console/customers/" + customer).html().select(".meta .badge").text())
        .isEqualTo("rejected");
  }

  @Test
  void anotherReviewersClaimIsAConflictAndWithoutScriptTheWholePageComesBack() {
    String customer = aCaseForReview("Tomás", "Sitoe");
    String review = reviewOf(customer);
    ConsoleBrowser bob = newBrowser();
    signIn(bob, BOB);
    String bobs = bob.get("/console/reviews/" + review).csrf();
    assertThat(bob.post("/console/reviews/" + review + "/claim", form("csrf", bobs)).status())
        .isEqualTo(200);
    signIn(browser, ALICE);
    String csrf = browser.get("/console/reviews/" + review).csrf();

    var page =
        browser.post(
            "/console/reviews/" + review + "/decision", form("csrf", csrf, "decision", "approve"));

    assertThat(page.status()).isEqualTo(409);
    assertThat(page.html().select("h1").text()).isEqualTo("Review of Tomás Sitoe");
    assertThat(page.html().select("#decision [role=alert]").text())
        .startsWith("Another reviewer holds this review");
    assertThat(page.html().select("#decision .holder").text()).startsWith("bob holds this review");
  }

  @Test
  void customersAreFoundByIdOrPhoneAndShownMaskedAsTheApiShowsThem() {
    String id = app.onboard("+258841234567").value();
    app()
        .putJson(
            "/v1/customers/" + id,
            "{\"first_name\":\"Fátima\",\"last_name\":\"Tembe\",\"tax_id\":\"400123456\"}");
    signIn(browser, ALICE);

    var search = browser.get("/console/customers");
    assertAccessibleAndStrict(search.html());
    assertThat(search.html().select("label[for=q]").text())
        .isEqualTo("Customer id or phone number");
    assertThat(search.html().select("table.list tbody td a").eachText()).contains("Fátima Tembe");
    assertThat(browser.get("/console/customers?q=%2B258+84+123+4567").header("Location"))
        .isEqualTo("/console/customers/" + id);
    assertThat(browser.get("/console/customers?q=" + id).header("Location"))
        .isEqualTo("/console/customers/" + id);
    var none = browser.get("/console/customers?q=%2B258841234500");
    assertThat(none.status()).isEqualTo(200);
    assertThat(none.html().select("[role=status]").text()).startsWith("No active customer");
    var nonsense = browser.get("/console/customers?q=Maria");
    assertThat(nonsense.status()).isEqualTo(400);
    assertThat(nonsense.html().select("#search-error").text()).startsWith("Enter a customer id");
    assertThat(nonsense.html().select("input#q").attr("aria-invalid")).isEqualTo("true");

    Document page = browser.get("/console/customers/" + id).html();
    assertThat(page.select("h1").text()).isEqualTo("Fátima Tembe");
    assertThat(page.select("dl.facts").first().text()).contains("Tax id ***encrypted***");
    assertThat(page.body().text()).doesNotContain("400123456");
    assertThat(page.select("ol.timeline li").eachText())
        .anyMatch(line -> line.contains("customer.updated · by mobile-app"));
  }

  @Test
  void hostileTextIsShownAsTextNeverRun() {
    String id = aCaseForReview("<script>alert(1)</script>", "O'Brien\" onmouseover=\"x");
    signIn(browser, ALICE);

    for (String path :
        List.of(
            "/console/customers/" + id, "/console/reviews/" + reviewOf(id), "/console/customers")) {
      var page = browser.get(path);
      assertThat(page.body()).doesNotContain("<script>alert(1)</script>");
      assertThat(page.html().select("[onmouseover]")).isEmpty();
      Document doc = page.html();
      assertThat(doc.select("script")).hasSize(1);
      assertThat(doc.text()).contains("<script>alert(1)</script>");
      assertAccessibleAndStrict(doc);
    }
  }

  @Test
  void webhookEndpointsAndTheirDeliveryLogs() {
    var endpoint =
        app.useCases
            .webhookEndpoints()
            .create(
                new ManageWebhookEndpointsUseCase.Create(
                    "https://hooks.example.co.mz/onboarding",
                    List.of("*"),
                    java.util.Optional.empty()));
    app.onboard("+258841112223");
    app.runBackgroundWork();
    signIn(browser, ALICE);

    Document list = browser.get("/console/webhooks").html();
    assertAccessibleAndStrict(list);
    assertThat(list.select("table.list tbody td a").text())
        .isEqualTo("https://hooks.example.co.mz/onboarding");
    Document log = browser.get("/console/webhooks/" + endpoint.id().value()).html();
    assertAccessibleAndStrict(log);
    assertThat(log.select("table.list tbody tr").text()).contains("customer.created");
    assertThat(browser.get("/console/webhooks/we_nothing").status()).isEqualTo(404);
  }

  @Test
  void unknownPagesAndIdsAreNotFoundPagesWithoutInternals() {
    signIn(browser, ALICE);
    for (String path :
        List.of(
            "/console/reviews/rev_000000000000000000000000",
            "/console/customers/cus_000000000000000000000000",
            "/console/evidence/file_000000000000000000000000",
            "/console/nothing/here")) {
      var page = browser.get(path);
      assertThat(page.status()).as(path).isEqualTo(404);
      assertThat(page.header("Content-Type")).startsWith("text/html");
      assertThat(page.html().select("h1").text()).isEqualTo("Not found");
      assertThat(page.body()).doesNotContain("Exception").doesNotContain("at com.");
    }
    assertThat(browser.get("/console/reviews?status=closed").status()).isEqualTo(400);
  }

  @Test
  void anOpenSandboxHasNoConsole() {
    server.stop();
    server =
        com.customerservice.adapter.http.HttpApi.create(
                app.useCases,
                new com.customerservice.adapter.http.HttpApi.Options(
                    List.of(), app.calls, uploads(), () -> true, config -> {}))
            .start("127.0.0.1", 0);
    ConsoleBrowser open = newBrowser();

    var page = open.get("/console/sign-in");
    assertThat(page.status()).isEqualTo(403);
    assertThat(page.html().select("[role=alert]").text()).contains("API_KEYS");
    assertThat(page.html().select("input#api_key")).isEmpty();
    assertThat(open.signIn("anything").status()).isEqualTo(403);
    assertThat(open.get("/console/reviews").status()).isEqualTo(303);
  }
}
