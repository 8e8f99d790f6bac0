package com.customerservice.adapter.http.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.customerservice.adapter.http.ApiClient;
import com.customerservice.adapter.http.ApiTestSupport;
import com.customerservice.adapter.http.auth.ApiKey;
import com.customerservice.adapter.http.auth.Scope;
import com.customerservice.domain.kyc.VendorFindings;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;

/**
 * The console over the in-memory application, with two reviewers' keys ({@code alice}, {@code bob})
 * and a client app's {@code customers}-only key, and a way to put cases before them.
 */
abstract class ConsoleTestSupport extends ApiTestSupport {
  static final String ALICE = "sk_test_alice_back_office_key";
  static final String BOB = "sk_test_bob_back_office_key";
  static final String APP = "sk_test_mobile_app_key";
  static final VendorFindings WORDS =
      VendorFindings.none()
          .with("ResultCode", "0814")
          .with("ResultText", "Under review")
          .with("Actions", VendorFindings.none().with("Liveness_Check", "Under Review"));

  protected ConsoleBrowser browser;
  private int phones;

  @Override
  protected List<ApiKey> apiKeys() {
    return List.of(
        ApiKey.of("mobile-app", EnumSet.of(Scope.CUSTOMERS), APP),
        ApiKey.of("alice", EnumSet.of(Scope.BACK_OFFICE), ALICE),
        ApiKey.of("bob", EnumSet.of(Scope.BACK_OFFICE), BOB));
  }

  @BeforeEach
  void openBrowser() {
    browser = newBrowser();
    phones = 0;
  }

  ConsoleBrowser newBrowser() {
    return new ConsoleBrowser("http://127.0.0.1:" + server.port());
  }

  ApiClient app() {
    return new ApiClient("http://127.0.0.1:" + server.port())
        .withHeader("Authorization", "Bearer " + APP);
  }

  /** A customer named so, whose selfie the vendor left to a person; returns the customer's id. */
  String aCaseForReview(String firstName, String lastName) {
    String id = app.onboard(String.format("+2588410000%02d", phones++)).value();
    app()
        .putJson(
            "/v1/customers/" + id,
            "{\"first_name\":\""
                + firstName.replace("\"", "\\\"")
                + "\",\"last_name\":\""
                + lastName.replace("\"", "\\\"")
                + "\"}");
    leaveKycToAPerson(app(), id, WORDS);
    return id;
  }

  /** The open review of {@code customerId}. */
  String reviewOf(String customerId) {
    return app.useCases.kycCase().get(customerId).openReview().orElseThrow().id().value();
  }

  /** Signs {@code browser} in with {@code key}, which must succeed. */
  static void signIn(ConsoleBrowser browser, String key) {
    assertThat(browser.signIn(key).status()).isEqualTo(303);
    assertThat(browser.sessionCookie()).isNotNull();
  }
}
