package com.customerservice.application.archfixture;

/** Deliberately wrong: the application deciding by status code and naming a header. */
public final class ApplicationSpeakingHttp {
  public static final String RETRY = "Retry-After";

  private final int status;

  public ApplicationSpeakingHttp(int status) {
    this.status = status;
  }

  public boolean releasesTheKey() {
    return status >= 500 || status == 429;
  }
}
