package com.customerservice.application.archfixture;

import com.tngtech.archunit.core.importer.ClassFileImporter;

/** Deliberately bad: a use-case class that depends on a library outside the JDK. */
public final class ApplicationUsingAFramework {
  public Object importer() {
    return new ClassFileImporter();
  }
}
