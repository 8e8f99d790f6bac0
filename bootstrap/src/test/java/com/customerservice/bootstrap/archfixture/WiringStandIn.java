package com.customerservice.bootstrap.archfixture;

/** Stands in for bootstrap's wiring, for the fixture that deliberately reaches back into it. */
public final class WiringStandIn {
  public static String name() {
    return "wiring";
  }
}
