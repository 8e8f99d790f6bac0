package com.customerservice.domain.webhook;

import com.customerservice.domain.error.InvalidValueException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * Where an endpoint receives deliveries: an absolute {@code https} URL without credentials or
 * fragment, at most 2048 characters. Plain {@code http} is allowed only to the loopback address,
 * and only where the rules say so (a sandbox, with a receiver on the same machine). Where the host
 * resolves to is checked by the sender, at creation and again at each delivery.
 */
public record EndpointUrl(URI uri) {
  public static final String FIELD = "url";
  private static final int MAX_LENGTH = 2048;

  public EndpointUrl {
    Objects.requireNonNull(uri, "uri");
  }

  /** A URL from a client, checked against {@code rules}. */
  public static EndpointUrl parse(String text, Rules rules) {
    if (text == null || text.isBlank()) {
      throw InvalidValueException.missing(FIELD);
    }
    if (text.length() > MAX_LENGTH) {
      throw invalid("url must be at most " + MAX_LENGTH + " characters");
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw invalid("url must be an absolute https URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || uri.getHost() == null || uri.isOpaque()) {
      throw invalid("url must be an absolute https URL");
    }
    if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
      throw invalid("url must not carry credentials or a fragment");
    }
    boolean loopbackHttp =
        scheme.equals("http") && rules.allowLoopbackHttp() && isLoopbackName(uri.getHost());
    if (!scheme.equals("https") && !loopbackHttp) {
      throw invalid(
          rules.allowLoopbackHttp()
              ? "url must use https (http only to 127.0.0.1 in sandbox mode)"
              : "url must use https");
    }
    return new EndpointUrl(uri);
  }

  /** Whether {@code host} names this machine's loopback interface. */
  public static boolean isLoopbackName(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("127.0.0.1") || h.equals("localhost") || h.equals("[::1]");
  }

  public String host() {
    return uri.getHost();
  }

  @Override
  public String toString() {
    return uri.toString();
  }

  private static InvalidValueException invalid(String message) {
    return new InvalidValueException("url_invalid", FIELD, message);
  }

  /**
   * What an operator allows: loopback over plain HTTP in a sandbox, nothing of the sort in
   * production.
   */
  public record Rules(boolean allowLoopbackHttp) {
    public static Rules production() {
      return new Rules(false);
    }

    public static Rules sandbox() {
      return new Rules(true);
    }
  }
}
