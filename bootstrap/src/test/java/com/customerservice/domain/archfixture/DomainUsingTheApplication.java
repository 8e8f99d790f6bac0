package com.customerservice.domain.archfixture;

import com.customerservice.application.port.out.CallContext;

/** Deliberately bad: a domain class that knows the application layer. */
public final class DomainUsingTheApplication {
  public Object peek(CallContext calls) {
    return calls;
  }
}
