package com.customerservice.bootstrap;

/** How much of a setting's value a start-up problem repeats: enough to find it, never a page. */
final class Echoes {
  private static final int MAX = 32;

  private Echoes() {}

  static String cut(String value) {
    return value.length() <= MAX ? value : value.substring(0, MAX) + "…";
  }
}
