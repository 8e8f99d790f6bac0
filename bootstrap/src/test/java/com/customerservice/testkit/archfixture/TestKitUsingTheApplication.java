package com.customerservice.testkit.archfixture;

import com.customerservice.application.UseCases;

/** Deliberately bad: a test-kit class that knows the application layer. */
public final class TestKitUsingTheApplication {
  public Object peek(UseCases useCases) {
    return useCases;
  }
}
