package com.customerservice.bootstrap;

import java.util.List;

/** The configuration cannot run the service; one message per problem, each naming its setting. */
public final class ConfigurationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public ConfigurationException(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
