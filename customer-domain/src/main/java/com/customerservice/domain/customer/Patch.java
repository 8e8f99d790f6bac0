package com.customerservice.domain.customer;

import java.util.Objects;

/**
 * What a partial update does to one field: keep it, set it to a value, or clear it (JSON merge
 * patch's absent, value and {@code null}).
 */
public sealed interface Patch<T> {

  /** The field after this patch, given its current value. */
  T applyTo(T current);

  /** Whether this patch leaves the field as it is. */
  default boolean keeps() {
    return false;
  }

  static <T> Patch<T> keep() {
    return new Keep<>();
  }

  static <T> Patch<T> set(T value) {
    return new Set<>(value);
  }

  static <T> Patch<T> clear() {
    return new Clear<>();
  }

  /** Leaves the field as it is. */
  record Keep<T>() implements Patch<T> {
    @Override
    public T applyTo(T current) {
      return current;
    }

    @Override
    public boolean keeps() {
      return true;
    }
  }

  /** Sets the field to {@code value}. */
  record Set<T>(T value) implements Patch<T> {
    public Set {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public T applyTo(T current) {
      return value;
    }
  }

  /** Clears an optional field. */
  record Clear<T>() implements Patch<T> {
    @Override
    public T applyTo(T current) {
      return null;
    }
  }
}
