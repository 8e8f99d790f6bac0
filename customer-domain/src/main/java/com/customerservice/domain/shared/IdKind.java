package com.customerservice.domain.shared;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * One kind of issued id ({@code cus_…}, {@code file_…}): its prefix, the field that carries it in
 * errors, and how to wrap a checked value in its typed record. Every id record delegates to its
 * kind, so the rules of ids live in {@link RandomIds} and here, once.
 */
public final class IdKind<T> {
  private final String prefix;
  private final String field;
  private final Function<String, T> wrap;

  public IdKind(String prefix, String field, Function<String, T> wrap) {
    this.prefix = Objects.requireNonNull(prefix, "prefix");
    this.field = Objects.requireNonNull(field, "field");
    this.wrap = Objects.requireNonNull(wrap, "wrap");
  }

  /** A new id from {@code random}. */
  public T next(RandomGenerator random) {
    return wrap.apply(RandomIds.next(prefix, random));
  }

  /** An id from outside, or empty when it cannot name anything of this kind. */
  public Optional<T> parse(String raw) {
    return RandomIds.isValid(prefix, raw) ? Optional.of(wrap.apply(raw)) : Optional.empty();
  }

  /** Checks a value as a domain invariant, naming the field that carried it. */
  public String require(String value) {
    return RandomIds.require(prefix, value, field);
  }

  public String prefix() {
    return prefix;
  }
}
