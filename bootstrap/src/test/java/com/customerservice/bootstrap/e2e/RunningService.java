package com.customerservice.bootstrap.e2e;

import com.customerservice.adapter.persistence.TestDatabase;
import com.customerservice.bootstrap.Configuration;
import com.customerservice.bootstrap.CustomerServiceApplication;
import com.customerservice.bootstrap.MultipartBodies;
import com.customerservice.domain.fixtures.TestImages;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The real application on a random port, and a plain HTTP client that talks to it. */
final class RunningService implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  private final CustomerServiceApplication application;
  private final Client client;

  private RunningService(CustomerServiceApplication application) {
    this.application = application;
    this.client = new Client(HttpClient.newHttpClient(), "http://127.0.0.1:" + application.port());
  }

  /** Settings for a sandbox on a fresh database schema, with its secrets under {@code dataDir}. */
  static Map<String, String> sandboxOnFreshSchema(Path dataDir) {
    Map<String, String> env = new HashMap<>();
    env.put("SERVICE_MODE", "sandbox");
    env.put("HOST", "127.0.0.1");
    env.put("PORT", "0");
    env.put("DATA_DIR", dataDir.toString());
    env.put("DATABASE_URL", TestDatabase.freshSchemaUrl());
    env.put("DATABASE_POOL_SIZE", "4");
    return env;
  }

  static RunningService start(Map<String, String> env) {
    return start(env, java.time.Clock.systemUTC());
  }

  static RunningService start(Map<String, String> env, java.time.Clock clock) {
    return new RunningService(
        new CustomerServiceApplication(Configuration.from(env), clock).start());
  }

  record Reply(int status, HttpResponse<byte[]> raw) {
    JsonNode json() {
      try {
        return JSON.readTree(raw.body());
      } catch (IOException e) {
        throw new AssertionError(new String(raw.body(), StandardCharsets.UTF_8), e);
      }
    }

    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  /** A plain HTTP client of one origin: this service's, or a jar's ({@code ServiceProcess}). */
  static final class Client {
    private final HttpClient http;
    private final String origin;

    Client(HttpClient http, String origin) {
      this.http = http;
      this.origin = origin;
    }

    /** The address of {@code path}, for a vendor fake to call back. */
    String url(String path) {
      return origin + path;
    }

    Reply get(String path) {
      return send(HttpRequest.newBuilder(URI.create(origin + path)).GET());
    }

    Reply delete(String path) {
      return send(HttpRequest.newBuilder(URI.create(origin + path)).DELETE());
    }

    Reply post(String path, String json) {
      return send(
          HttpRequest.newBuilder(URI.create(origin + path))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A GET with {@code authorization} (for services with API keys). */
    Reply getAs(String authorization, String path) {
      return send(
          HttpRequest.newBuilder(URI.create(origin + path))
              .header("Authorization", authorization)
              .GET());
    }

    /** A JSON POST with {@code authorization} (for services with API keys). */
    Reply postAs(String authorization, String path, String json) {
      return send(
          HttpRequest.newBuilder(URI.create(origin + path))
              .header("Authorization", authorization)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A JSON POST with extra {@code headers} (an Idempotency-Key, say). */
    Reply post(String path, String json, Map<String, String> headers) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(origin + path))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(json));
      headers.forEach(request::header);
      return send(request);
    }

    Reply put(String path, String json) {
      return send(
          HttpRequest.newBuilder(URI.create(origin + path))
              .header("Content-Type", "application/json")
              .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /**
     * A multipart POST of text fields ({@code name=value}) and image parts ({@code name -> bytes}).
     */
    Reply upload(String path, Map<String, String> fields, Map<String, byte[]> files) {
      String boundary = "----e2e-boundary";
      return send(
          HttpRequest.newBuilder(URI.create(origin + path))
              .header("Content-Type", MultipartBodies.contentType(boundary))
              .POST(
                  HttpRequest.BodyPublishers.ofByteArray(
                      MultipartBodies.of(boundary, fields, files))));
    }

    /** A JSON PUT with {@code authorization} (for services with API keys). */
    Reply putAs(String authorization, String path, String json) {
      return send(
          HttpRequest.newBuilder(URI.create(origin + path))
              .header("Authorization", authorization)
              .header("Content-Type", "application/json")
              .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A multipart POST with {@code authorization} (for services with API keys). */
    Reply uploadAs(
        String authorization, String path, Map<String, String> fields, Map<String, byte[]> files) {
      String boundary = "----e2e-boundary";
      return send(
          HttpRequest.newBuilder(URI.create(origin + path))
              .header("Authorization", authorization)
              .header("Content-Type", MultipartBodies.contentType(boundary))
              .POST(
                  HttpRequest.BodyPublishers.ofByteArray(
                      MultipartBodies.of(boundary, fields, files))));
    }

    /** Initiates and verifies with the sandbox code; returns the new customer's id. */
    String onboard(String phone) {
      return onboardAs(null, phone);
    }

    /** {@link #onboard} with {@code authorization} (null: none, for an open sandbox). */
    String onboardAs(String authorization, String phone) {
      String initiate = "{\"phone_number\":\"" + phone + "\"}";
      JsonNode started =
          (authorization == null
                  ? post("/v1/customers/initiate", initiate)
                  : postAs(authorization, "/v1/customers/initiate", initiate))
              .json();
      String verify =
          "{\"session_id\":\""
              + started.path("session_id").asText()
              + "\",\"verification_code\":\""
              + started.path("otp").asText()
              + "\"}";
      return (authorization == null
              ? post("/v1/customers", verify)
              : postAs(authorization, "/v1/customers", verify))
          .json()
          .path("customer_id")
          .asText();
    }

    private Reply send(HttpRequest.Builder request) {
      try {
        HttpResponse<byte[]> response =
            http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() >= 500 && response.statusCode() != 503) {
          throw new AssertionError(
              "server error: " + new String(response.body(), StandardCharsets.UTF_8));
        }
        return new Reply(response.statusCode(), response);
      } catch (IOException e) {
        throw new AssertionError(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  Reply get(String path) {
    return client.get(path);
  }

  Reply delete(String path) {
    return client.delete(path);
  }

  Reply post(String path, String json) {
    return client.post(path, json);
  }

  Reply getAs(String authorization, String path) {
    return client.getAs(authorization, path);
  }

  Reply postAs(String authorization, String path, String json) {
    return client.postAs(authorization, path, json);
  }

  Reply post(String path, String json, Map<String, String> headers) {
    return client.post(path, json, headers);
  }

  Reply put(String path, String json) {
    return client.put(path, json);
  }

  Reply upload(String path, Map<String, String> fields, Map<String, byte[]> files) {
    return client.upload(path, fields, files);
  }

  String onboard(String phone) {
    return client.onboard(phone);
  }

  String onboardAs(String authorization, String phone) {
    return client.onboardAs(authorization, phone);
  }

  Reply putAs(String authorization, String path, String json) {
    return client.putAs(authorization, path, json);
  }

  Reply uploadAs(
      String authorization, String path, Map<String, String> fields, Map<String, byte[]> files) {
    return client.uploadAs(authorization, path, fields, files);
  }

  /** The service's address for {@code path}, for a vendor fake to call back. */
  String url(String path) {
    return client.url(path);
  }

  /** Uploads both pages of a Mozambican identity card (400 by 260 px) for customer {@code id}. */
  Reply uploadIdentityCard(String id) {
    return upload(
        "/v1/customers/" + id + "/upload-document",
        Map.of("doc_type", "MZ_BI"),
        Map.of("image1", TestImages.jpeg(400, 260), "image2", TestImages.jpeg(400, 260)));
  }

  /** Uploads a selfie (300 by 400 px) of customer {@code id} against document {@code reference}. */
  Reply uploadSelfie(String id, String reference) {
    return upload(
        "/v1/customers/" + id + "/upload-selfie",
        Map.of("reference", reference),
        Map.of("image", TestImages.jpeg(300, 400)));
  }

  /** The customer's {@code kyc_status}. */
  String kycStatus(String id) {
    return get("/v1/customers/" + id).json().path("customer").path("kyc_status").asText();
  }

  @Override
  public void close() {
    application.stop();
  }
}
