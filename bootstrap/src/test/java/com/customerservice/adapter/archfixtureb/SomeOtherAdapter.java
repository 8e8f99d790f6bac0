package com.customerservice.adapter.archfixtureb;

/** A second adapter, for the fixture above to depend on. */
public final class SomeOtherAdapter {
  public String name() {
    return "other";
  }
}
