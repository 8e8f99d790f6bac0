package com.customerservice.adapter.persistence;

import com.customerservice.domain.kyc.VendorFindings;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.jdbi.v3.core.argument.Argument;

/**
 * Values kept as {@code jsonb} (or {@code json}, where their order matters): written and read with
 * one mapper, failures as unchecked.
 */
final class JsonColumns {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private JsonColumns() {}

  static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a value could not be written as JSON", e);
    }
  }

  /** A vendor's findings for their {@code json} column, in the vendor's order. */
  static Argument findings(VendorFindings findings) {
    return SqlArguments.json(write(findings.toPlainMap()));
  }

  static VendorFindings findings(String stored) {
    return VendorFindings.restore(read(stored, MAP));
  }

  static <T> T read(String json, TypeReference<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored JSON value could not be read", e);
    }
  }
}
