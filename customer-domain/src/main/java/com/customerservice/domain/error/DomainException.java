package com.customerservice.domain.error;

import java.util.Objects;
import java.util.Optional;

/**
 * Root of every failure the domain reports; each carries a {@link Category} and a stable machine
 * code (such as {@code phone_number_taken}) that an adapter maps to its protocol in one place.
 */
public abstract class DomainException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final Category category;
  private final String code;
  private final String param;

  protected DomainException(Category category, String code, String message, String param) {
    super(message);
    this.category = Objects.requireNonNull(category, "category");
    this.code = Objects.requireNonNull(code, "code");
    this.param = param;
  }

  public Category category() {
    return category;
  }

  /** The stable, machine-readable code clients branch on. */
  public String code() {
    return code;
  }

  /** The one input field at fault, when there is one. */
  public Optional<String> param() {
    return Optional.ofNullable(param);
  }
}
