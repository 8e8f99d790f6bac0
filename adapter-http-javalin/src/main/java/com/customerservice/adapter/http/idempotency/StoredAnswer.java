package com.customerservice.adapter.http.idempotency;

import com.customerservice.adapter.http.json.Json;
import com.customerservice.domain.idempotency.KeptAnswer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The first answer to an idempotent request as HTTP gives it again: its status, the headers a retry
 * needs, and its body, or, for an answer too large to keep twice (uploaded images), the reference
 * it is rendered again from. The core keeps it as a {@link KeptAnswer}: the status, headers and
 * reference as a small JSON ({@code {"status":201,"headers":{…},"rerender":null}}, the shape
 * migration V9_2 also writes), the body as it is.
 */
record StoredAnswer(int status, Map<String, String> headers, byte[] body, String rerender) {
  StoredAnswer {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("not an HTTP status: " + status);
    }
    headers = Map.copyOf(headers);
  }

  /** Answers a retry should run again instead of receiving: server errors and rate limits. */
  boolean worthKeeping() {
    return status < 500 && status != 429;
  }

  Optional<String> rerenderFrom() {
    return Optional.ofNullable(rerender);
  }

  KeptAnswer kept() {
    ObjectNode metadata = Json.MAPPER.createObjectNode();
    metadata.put("status", status);
    ObjectNode kept = metadata.putObject("headers");
    headers.forEach(kept::put);
    metadata.put("rerender", rerender);
    return new KeptAnswer(metadata.toString(), rerender == null ? body : new byte[0]);
  }

  static StoredAnswer of(KeptAnswer kept) {
    try {
      JsonNode metadata = Json.MAPPER.readTree(kept.metadata());
      Map<String, String> headers = new LinkedHashMap<>();
      metadata
          .path("headers")
          .fields()
          .forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
      JsonNode rerender = metadata.path("rerender");
      return new StoredAnswer(
          metadata.path("status").asInt(),
          headers,
          kept.body(),
          rerender.isTextual() ? rerender.asText() : null);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a kept answer could not be read", e);
    }
  }
}
