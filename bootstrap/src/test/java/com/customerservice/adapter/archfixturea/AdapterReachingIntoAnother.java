package com.customerservice.adapter.archfixturea;

import com.customerservice.adapter.archfixtureb.SomeOtherAdapter;

/** Deliberately bad: one adapter calling another. */
public final class AdapterReachingIntoAnother {
  public String call() {
    return new SomeOtherAdapter().name();
  }
}
