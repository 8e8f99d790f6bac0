package com.customerservice.adapter.http.console;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A browser as far as the console's tests need one: it keeps the session cookie, sends a page's own
 * origin with its forms (unless told otherwise), follows no redirect, and parses pages with jsoup.
 */
final class ConsoleBrowser {
  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final String origin;
  private String session;

  ConsoleBrowser(String origin) {
    this.origin = origin;
  }

  /** An answer: its status, headers and body, parsed as a browser would. */
  record Page(int status, Map<String, List<String>> headers, String body) {
    Document html() {
      return Jsoup.parse(body, "http://localhost/");
    }

    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }

    /** The session's form token, as the page's forms carry it. */
    String csrf() {
      return html().select("input[name=csrf]").first().val();
    }
  }

  String origin() {
    return origin;
  }

  String sessionCookie() {
    return session;
  }

  void useSessionCookie(String value) {
    this.session = value;
  }

  Page get(String path) {
    return get(path, Map.of());
  }

  Page get(String path, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin + path)).GET();
    headers.forEach(request::header);
    return send(request);
  }

  /** A form posted from one of this console's pages (its origin sent, as browsers send it). */
  Page post(String path, Map<String, String> form) {
    return post(path, form, Map.of("Origin", origin));
  }

  Page post(String path, Map<String, String> form, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(origin + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
    headers.forEach(request::header);
    return send(request);
  }

  /** Signs in with {@code key}; returns the answer to the sign-in. */
  Page signIn(String key) {
    return post(Console.SIGN_IN, Map.of("api_key", key));
  }

  static Map<String, String> form(String... namesAndValues) {
    Map<String, String> form = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      form.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return form;
  }

  private static String encode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private Page send(HttpRequest.Builder request) {
    if (session != null) {
      request.header("Cookie", Guard.COOKIE + "=" + session);
    }
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      for (String cookie : response.headers().allValues("Set-Cookie")) {
        if (cookie.startsWith(Guard.COOKIE + "=")) {
          String value = cookie.substring(Guard.COOKIE.length() + 1, cookie.indexOf(';'));
          session = value.isEmpty() ? null : value;
        }
      }
      return new Page(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
