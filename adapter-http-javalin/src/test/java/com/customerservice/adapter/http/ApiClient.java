package com.customerservice.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.customerservice.adapter.http.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A small HTTP client for the API tests. Every exchange it makes is checked against {@code
 * openapi.yaml} (request and response) unless a test says the exchange is outside the document (an
 * unknown route, a wrong method), and no exchange may answer 500.
 */
public final class ApiClient {
  private static final OpenApiInteractionValidator VALIDATOR =
      OpenApiInteractionValidator.createForSpecificationUrl("openapi.yaml").build();

  private final HttpClient http = HttpClient.newHttpClient();
  private final String origin;
  private final Map<String, String> defaultHeaders = new LinkedHashMap<>();

  public ApiClient(String origin) {
    this.origin = origin;
  }

  public ApiClient withHeader(String name, String value) {
    defaultHeaders.put(name, value);
    return this;
  }

  /** One response, with its body read as JSON when it is JSON. */
  public record Reply(int status, Map<String, List<String>> headers, byte[] body) {
    public JsonNode json() {
      try {
        return Json.MAPPER.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + new String(body, StandardCharsets.UTF_8), e);
      }
    }

    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    /** The error envelope's code, after checking the envelope's shape. */
    public String errorCode() {
      JsonNode json = json();
      assertThat(json.path("object").asText()).isEqualTo("error");
      assertThat(json.path("request_id").asText()).isNotBlank().isEqualTo(header("Request-Id"));
      return json.path("error").path("code").asText();
    }

    public String errorParam() {
      return json().path("error").path("param").asText(null);
    }
  }

  public Reply get(String path) {
    return send("GET", path, null, null, Map.of(), true);
  }

  public Reply delete(String path) {
    return send("DELETE", path, null, null, Map.of(), true);
  }

  public Reply postJson(String path, String json) {
    return send(
        "POST", path, "application/json", json.getBytes(StandardCharsets.UTF_8), Map.of(), true);
  }

  public Reply putJson(String path, String json) {
    return send(
        "PUT", path, "application/json", json.getBytes(StandardCharsets.UTF_8), Map.of(), true);
  }

  public Reply postMultipart(String path, Multipart body) {
    return send("POST", path, body.contentType(), body.bytes(), Map.of(), true);
  }

  /** Any exchange; {@code documented} says whether the OpenAPI document must describe it. */
  public Reply send(
      String method,
      String path,
      String contentType,
      byte[] body,
      Map<String, String> headers,
      boolean documented) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(origin + path));
    Map<String, String> all = new LinkedHashMap<>(defaultHeaders);
    all.putAll(headers);
    if (contentType != null) {
      all.put("Content-Type", contentType);
    }
    all.forEach(builder::header);
    builder.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    HttpResponse<byte[]> response;
    try {
      response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    Reply reply = new Reply(response.statusCode(), response.headers().map(), response.body());
    assertThat(reply.status())
        .as("%s %s answered 500: %s", method, path, reply.text())
        .isNotEqualTo(500);
    assertThat(reply.header("Request-Id")).as("Request-Id header").isNotBlank();
    if (documented) {
      validate(method, path, contentType, body, all, reply);
    }
    return reply;
  }

  private static void validate(
      String method,
      String path,
      String contentType,
      byte[] body,
      Map<String, String> headers,
      Reply reply) {
    String rawPath = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    SimpleRequest.Builder request =
        new SimpleRequest.Builder(Request.Method.valueOf(method), decodePath(rawPath));
    if (path.contains("?")) {
      for (String pair : path.substring(path.indexOf('?') + 1).split("&")) {
        String[] kv = pair.split("=", 2);
        request.withQueryParam(
            kv[0], java.net.URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
      }
    }
    headers.forEach(request::withHeader);
    if (body != null && contentType != null && contentType.startsWith("application/json")) {
      request.withBody(new String(body, StandardCharsets.UTF_8));
    } else if (body != null) {
      request.withBody(body);
    }
    SimpleResponse.Builder response = SimpleResponse.Builder.status(reply.status());
    reply.headers().forEach((name, values) -> response.withHeader(name, values));
    String responseType = reply.header("Content-Type");
    if (responseType != null && responseType.startsWith("application/json")) {
      response.withBody(reply.text());
    } else if (reply.body().length > 0) {
      response.withBody(reply.body());
    }
    // A request the server refused may be deliberately invalid: then only the answer is checked.
    // A request it accepted must be one the document allows.
    ValidationReport report =
        reply.status() < 400
            ? VALIDATOR.validate(request.build(), response.build())
            : VALIDATOR.validateResponse(
                decodePath(rawPath), Request.Method.valueOf(method), response.build());
    assertThat(report.getMessages())
        .as("%s %s against openapi.yaml: %s", method, path, describe(report))
        .isEmpty();
  }

  private static String decodePath(String path) {
    return path.replace("%2B", "+").replace("%2b", "+");
  }

  private static String describe(ValidationReport report) {
    return report.getMessages().stream()
        .map(m -> m.getKey() + ": " + m.getMessage())
        .collect(Collectors.joining("; "));
  }

  /** A multipart/form-data body built by hand, so tests control every byte of it. */
  public static final class Multipart {
    private static final String BOUNDARY = "----customer-service-test-boundary";
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public Multipart text(String name, String value) {
      write("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n");
      write(value + "\r\n");
      return this;
    }

    public Multipart file(String name, String filename, String type, byte[] content) {
      write(
          "--"
              + BOUNDARY
              + "\r\nContent-Disposition: form-data; name=\""
              + name
              + "\"; filename=\""
              + filename
              + "\"\r\nContent-Type: "
              + type
              + "\r\n\r\n");
      out.writeBytes(content);
      write("\r\n");
      return this;
    }

    public String contentType() {
      return "multipart/form-data; boundary=" + BOUNDARY;
    }

    public byte[] bytes() {
      ByteArrayOutputStream copy = new ByteArrayOutputStream();
      copy.writeBytes(out.toByteArray());
      copy.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
      return copy.toByteArray();
    }

    private void write(String text) {
      out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
  }
}
