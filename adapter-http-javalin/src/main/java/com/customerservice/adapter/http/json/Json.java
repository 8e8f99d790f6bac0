package com.customerservice.adapter.http.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.http.Context;

/**
 * The one JSON configuration of the API: snake_case names from record components, nulls written (a
 * field the contract lists is always present), duplicate keys refused on input.
 */
public final class Json {
  public static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private Json() {}

  /**
   * Writes a large {@code body} (one carrying images) straight to the response, without first
   * building it whole in memory.
   */
  public static void stream(Context ctx, int status, Object body) {
    ctx.status(status).contentType("application/json");
    try {
      MAPPER.writeValue(ctx.outputStream(), body);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("the response could not be written", e);
    }
  }

  /** Writes {@code body} as the JSON response with {@code status}. */
  public static void write(Context ctx, int status, Object body) {
    try {
      ctx.status(status).contentType("application/json").result(MAPPER.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("response could not be serialised", e);
    }
  }
}
