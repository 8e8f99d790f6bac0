package com.customerservice.domain.archfixture;

import com.customerservice.bootstrap.archfixture.WiringStandIn;

/** Deliberately bad: a class outside bootstrap that reaches into it. */
public final class DomainUsingBootstrap {
  public String wiring() {
    return WiringStandIn.name();
  }
}
