package com.customerservice.adapter.http.json;

import com.customerservice.adapter.http.error.ApiException;
import com.customerservice.adapter.http.error.Echo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A request body read strictly: it must be declared {@code application/json}, be one JSON object,
 * name only known fields, and give each field the right type. Every refusal names the field at
 * fault in {@code param}. A {@code null} value counts as absent.
 */
public final class JsonBody {
  private final ObjectNode object;

  private JsonBody(ObjectNode object) {
    this.object = object;
  }

  /** Reads the body of {@code ctx}, allowing only {@code fields}. */
  public static JsonBody read(Context ctx, Set<String> fields) {
    String contentType = ctx.contentType();
    if (contentType == null
        || !contentType.toLowerCase(Locale.ROOT).strip().startsWith("application/json")) {
      throw ApiException.unsupportedMediaType("The request body must be sent as application/json");
    }
    JsonNode node;
    try {
      byte[] bytes = ctx.bodyAsBytes();
      if (bytes.length == 0) {
        throw ApiException.badRequest(
            "body_invalid", "The request body must be a JSON object", null);
      }
      node = Json.MAPPER.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest(
          "body_invalid", "The request body is not valid JSON: " + describe(e), null);
    } catch (java.io.IOException e) {
      throw ApiException.badRequest("body_invalid", "The request body could not be read", null);
    }
    if (!(node instanceof ObjectNode object)) {
      throw ApiException.badRequest("body_invalid", "The request body must be a JSON object", null);
    }
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!fields.contains(name)) {
        String shown = Echo.cut(name);
        throw ApiException.badRequest(
            "parameter_unknown", "Received unknown parameter: " + shown, shown);
      }
    }
    return new JsonBody(object);
  }

  /** A string field that must be present. */
  public String requiredString(String field) {
    return optionalString(field)
        .orElseThrow(
            () ->
                ApiException.badRequest(
                    "parameter_missing", "Missing required parameter: " + field, field));
  }

  /** A string field that may be absent or null. */
  public Optional<String> optionalString(String field) {
    JsonNode value = object.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw wrongType(field, "a string");
    }
    return Optional.of(value.textValue());
  }

  /** A list of strings that must be present: 1 to {@code maxItems} items, each a string. */
  public List<String> requiredStringList(String field, int maxItems) {
    JsonNode value = object.get(field);
    if (value == null || value.isNull()) {
      throw ApiException.badRequest(
          "parameter_missing", "Missing required parameter: " + field, field);
    }
    if (!value.isArray() || value.isEmpty() || value.size() > maxItems) {
      throw wrongType(field, "a list of 1 to " + maxItems + " strings");
    }
    List<String> items = new ArrayList<>();
    for (JsonNode item : value) {
      if (!item.isTextual()) {
        throw wrongType(field, "a list of strings");
      }
      items.add(item.textValue());
    }
    return items;
  }

  /** The fields the body names, in order (null ones included). */
  public Iterable<String> fieldNames() {
    return object::fieldNames;
  }

  /** Whether the body names {@code field} with the value {@code null}. */
  public boolean isNull(String field) {
    JsonNode value = object.get(field);
    return value != null && value.isNull();
  }

  /** The raw node of a field that may take several shapes, or empty when absent or null. */
  public Optional<JsonNode> optionalNode(String field) {
    JsonNode value = object.get(field);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
  }

  public static ApiException wrongType(String field, String expected) {
    return ApiException.badRequest(
        "parameter_invalid",
        "Invalid type for parameter " + field + ": expected " + expected,
        field);
  }

  /** A short, safe description of a parse error: position only, never the input itself. */
  private static String describe(JsonProcessingException e) {
    var location = e.getLocation();
    return location == null
        ? "malformed"
        : "malformed at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }
}
