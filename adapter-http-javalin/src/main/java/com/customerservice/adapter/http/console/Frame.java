package com.customerservice.adapter.http.console;

/**
 * What every page's frame needs: its title, the navigation section it belongs to, who is signed in
 * (null on the sign-in page) with their session's form token, and the links to the assets.
 */
public record Frame(
    String title, Section section, String keyName, String csrfToken, Assets.Links assets) {

  /** The sections of the navigation. */
  public enum Section {
    REVIEWS,
    CUSTOMERS,
    WEBHOOKS,
    NONE
  }

  /**
   * htmx's settings, read from a meta element: no inline styles (the CSP forbids them), no history
   * snapshots in the browser's storage (pages hold personal data), no eval, requests to this origin
   * only, and 4xx answers swapped in (a decision's refusal is shown where it was asked).
   */
  public static final String HTMX_CONFIG =
      "{\"includeIndicatorStyles\":false,\"historyCacheSize\":0,\"refreshOnHistoryMiss\":true,"
          + "\"allowEval\":false,\"allowScriptTags\":false,\"selfRequestsOnly\":true,"
          + "\"responseHandling\":[{\"code\":\"204\",\"swap\":false},"
          + "{\"code\":\"[23]..\",\"swap\":true},{\"code\":\"4..\",\"swap\":true},"
          + "{\"code\":\"...\",\"swap\":false,\"error\":true}]}";

  public boolean signedIn() {
    return keyName != null;
  }

  /** The header every htmx request of the page sends: the session's form token. */
  public String htmxHeaders() {
    return "{\"" + Guard.CSRF_HEADER + "\":\"" + csrfToken + "\"}";
  }

  /** {@code page} for the navigation link of {@code other} when it is this page's section. */
  public String current(Section other) {
    return section == other ? "page" : null;
  }
}
