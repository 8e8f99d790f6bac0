package com.customerservice.domain.kyc;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a KYC vendor said about a job, in the vendor's own words (its result codes, texts and each
 * check's state), for the person who reviews the case: named values, text or nested groups, kept in
 * the vendor's order. Bounded in size, and never holding what the vendor read off the document
 * (names, numbers, dates): that lives in {@link DocumentExtraction}, encrypted where sensitive.
 */
public final class VendorFindings {
  static final int MAX_ENTRIES = 200;
  static final int MAX_DEPTH = 4;
  static final int MAX_KEY = 80;
  static final int MAX_TEXT = 500;
  private static final VendorFindings NONE = new VendorFindings(Map.of());

  private final Map<String, Object> values;

  private VendorFindings(Map<String, Object> values) {
    this.values = values;
  }

  public static VendorFindings none() {
    return NONE;
  }

  /** These findings and {@code key}: {@code text}, cut to {@value #MAX_TEXT} characters. */
  public VendorFindings with(String key, String text) {
    Objects.requireNonNull(text, key);
    return put(key, text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text);
  }

  /** These findings and a named group of findings. */
  public VendorFindings with(String key, VendorFindings group) {
    Objects.requireNonNull(group, key);
    if (group.depth() + 1 > MAX_DEPTH) {
      throw new IllegalArgumentException("vendor findings nest at most " + MAX_DEPTH + " deep");
    }
    return put(key, group);
  }

  /**
   * The values by key, in the vendor's order: each a {@link String} or a nested {@link
   * VendorFindings}.
   */
  public Map<String, Object> values() {
    return values;
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  /** Findings read back from a store: strings and maps of them, checked against the same bounds. */
  public static VendorFindings restore(Map<String, ?> stored) {
    VendorFindings findings = NONE;
    for (Map.Entry<String, ?> entry : stored.entrySet()) {
      Object value = entry.getValue();
      if (value instanceof String text) {
        findings = findings.with(entry.getKey(), text);
      } else if (value instanceof Map<?, ?> group) {
        Map<String, Object> nested = new LinkedHashMap<>();
        group.forEach((k, v) -> nested.put(String.valueOf(k), v));
        findings = findings.with(entry.getKey(), restore(nested));
      } else if (value != null) {
        findings = findings.with(entry.getKey(), String.valueOf(value));
      }
    }
    return findings;
  }

  /** The values as plain maps and strings, for a store or a wire format. */
  public Map<String, Object> toPlainMap() {
    Map<String, Object> plain = new LinkedHashMap<>();
    values.forEach(
        (k, v) -> plain.put(k, v instanceof VendorFindings group ? group.toPlainMap() : v));
    return plain;
  }

  private int depth() {
    int deepest = 0;
    for (Object value : values.values()) {
      if (value instanceof VendorFindings group) {
        deepest = Math.max(deepest, group.depth());
      }
    }
    return deepest + 1;
  }

  private int size() {
    int size = 0;
    for (Object value : values.values()) {
      size += value instanceof VendorFindings group ? group.size() + 1 : 1;
    }
    return size;
  }

  private VendorFindings put(String key, Object value) {
    Objects.requireNonNull(key, "key");
    if (key.isEmpty() || key.length() > MAX_KEY) {
      throw new IllegalArgumentException("a findings key is 1 to " + MAX_KEY + " characters");
    }
    Map<String, Object> next = new LinkedHashMap<>(values);
    next.put(key, value);
    VendorFindings findings = new VendorFindings(Collections.unmodifiableMap(next));
    if (findings.size() > MAX_ENTRIES) {
      throw new IllegalArgumentException("vendor findings hold at most " + MAX_ENTRIES + " values");
    }
    return findings;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof VendorFindings findings && values.equals(findings.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return "VendorFindings" + values;
  }
}
