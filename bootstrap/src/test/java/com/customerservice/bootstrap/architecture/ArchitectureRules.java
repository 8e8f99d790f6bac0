package com.customerservice.bootstrap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The rooms of the hexagon and who may see whom, as allow-lists: a mistyped package name makes a
 * rule fail instead of pass silently.
 */
final class ArchitectureRules {
  static final String DOMAIN = "com.customerservice.domain..";
  static final String APPLICATION = "com.customerservice.application..";
  static final String ADAPTERS = "com.customerservice.adapter..";
  static final String BOOTSTRAP = "com.customerservice.bootstrap..";

  /**
   * The domain is plain Java: the JDK (including {@code javax.crypto} for keyed hashes and {@code
   * javax.imageio} to check and clean images) and libphonenumber, nothing else.
   */
  static final ArchRule DOMAIN_DEPENDS_ONLY_ON_JDK_AND_LIBPHONENUMBER =
      classes()
          .that()
          .resideInAPackage(DOMAIN)
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              DOMAIN,
              "java..",
              "javax.crypto..",
              "javax.imageio..",
              "com.google.i18n.phonenumbers..")
          .as("the domain depends only on the JDK and libphonenumber");

  /** Use cases see the domain and the JDK's core packages only. */
  static final ArchRule APPLICATION_DEPENDS_ONLY_ON_DOMAIN_AND_JAVA =
      classes()
          .that()
          .resideInAPackage(APPLICATION)
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(APPLICATION, DOMAIN, "java..")
          .as("the application depends only on the domain and java..");

  /** Adapters translate between the core and one technology each; they never use each other. */
  static final ArchRule ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER =
      slices()
          .matching("com.customerservice.adapter.(*)..")
          .should()
          .notDependOnEachOther()
          .as("no adapter depends on another adapter");

  /**
   * The persistence adapter speaks SQL through JDBI, Hikari, Flyway and Bucket4j (rate limits kept
   * in PostgreSQL), the PostgreSQL driver (to name the constraint a write broke), and Jackson for
   * the JSON columns (event data, vendor findings), and nothing else: encryption reaches it through
   * the FieldEncryption port.
   */
  static final ArchRule PERSISTENCE_USES_ONLY_ITS_STACK =
      classes()
          .that()
          .resideInAPackage("com.customerservice.adapter.persistence..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "com.customerservice.adapter.persistence..",
              APPLICATION,
              DOMAIN,
              "java..",
              "javax.sql..",
              "org.jdbi.v3..",
              "com.zaxxer.hikari..",
              "org.flywaydb..",
              "io.github.bucket4j..",
              "org.postgresql..",
              "com.fasterxml.jackson..")
          .as("the persistence adapter depends only on its own stack");

  /**
   * Background work is db-scheduler over a DataSource, running the application's use cases; it
   * knows nothing of how the rest is stored.
   */
  static final ArchRule SCHEDULER_USES_ONLY_ITS_STACK =
      classes()
          .that()
          .resideInAPackage("com.customerservice.adapter.scheduler..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "com.customerservice.adapter.scheduler..",
              APPLICATION,
              DOMAIN,
              "java..",
              "javax.sql..",
              "com.github.kagkarlsson.scheduler..",
              "org.slf4j..")
          .as("the scheduler adapter depends only on the application, db-scheduler and SLF4J");

  /** Webhooks go out through OkHttp, signed with the JDK's HMAC; the core is seen through ports. */
  static final ArchRule WEBHOOKS_USE_ONLY_THEIR_STACK =
      classes()
          .that()
          .resideInAPackage("com.customerservice.adapter.webhooks..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "com.customerservice.adapter.webhooks..",
              DOMAIN,
              "java..",
              "javax.crypto..",
              "javax.net.ssl..",
              "okhttp3..",
              "okio..",
              "kotlin..",
              "org.slf4j..")
          .as("the webhook sender depends only on the domain, OkHttp and SLF4J");

  /**
   * The HTTP adapter speaks HTTP through Javalin (and the Jetty beneath it, for the errors Jetty
   * answers before routing), JSON through Jackson, and the console's HTML through jte's runtime
   * (its templates are compiled into the adapter at build time), and nothing else.
   */
  static final ArchRule HTTP_USES_ONLY_ITS_STACK =
      classes()
          .that()
          .resideInAPackage("com.customerservice.adapter.http..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "com.customerservice.adapter.http..",
              APPLICATION,
              DOMAIN,
              "java..",
              "io.javalin..",
              "org.eclipse.jetty..",
              "jakarta.servlet..",
              "com.fasterxml.jackson..",
              "gg.jte..",
              "org.slf4j..")
          .as("the HTTP adapter depends only on its own stack");

  /** Encryption at rest is Tink behind the domain's FieldEncryption port, and nothing else. */
  static final ArchRule CRYPTO_USES_ONLY_TINK =
      classes()
          .that()
          .resideInAPackage("com.customerservice.adapter.crypto..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "com.customerservice.adapter.crypto..", DOMAIN, "java..", "com.google.crypto.tink..")
          .as("the encryption adapter depends only on the domain and Tink");

  /** The catalogue and the sandbox know the domain and the JDK, nothing else. */
  static final ArchRule KYC_USES_ONLY_THE_DOMAIN =
      classes()
          .that()
          .resideInAPackage("com.customerservice.adapter.kyc")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("com.customerservice.adapter.kyc..", DOMAIN, "java..")
          .as("the KYC catalogue and sandbox depend only on the domain and the JDK");

  /**
   * A vendor client (one sub-package per vendor) adds only what it must: JSON, resilience4j's retry
   * and circuit breaker, the JDK's HMAC, and logging.
   */
  static final ArchRule KYC_VENDOR_CLIENTS_USE_ONLY_THEIR_STACK =
      classes()
          .that()
          .resideInAPackage("com.customerservice.adapter.kyc.(*)..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "com.customerservice.adapter.kyc..",
              DOMAIN,
              "java..",
              "javax.crypto..",
              "com.fasterxml.jackson..",
              "io.github.resilience4j..",
              "org.slf4j..")
          .as("a KYC vendor client depends only on the domain, JSON, resilience4j and SLF4J");

  /** The SMS adapter speaks HTTP with the JDK's own client and logs through SLF4J. */
  static final ArchRule SMS_USES_ONLY_THE_JDK =
      classes()
          .that()
          .resideInAPackage("com.customerservice.adapter.sms..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("com.customerservice.adapter.sms..", DOMAIN, "java..", "org.slf4j..")
          .as("the SMS adapter depends only on the domain, the JDK and SLF4J");

  /**
   * The test kit implements the domain's ports in memory and tests implementations of them: it
   * knows the domain (and its test fixtures), JUnit and AssertJ, and nothing of the application or
   * the adapters, so that the application's own tests may use it.
   */
  static final ArchRule TESTKIT_DEPENDS_ONLY_ON_THE_DOMAIN =
      classes()
          .that()
          .resideInAPackage("com.customerservice.testkit..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "com.customerservice.testkit..",
              DOMAIN,
              "java..",
              "org.junit..",
              "org.assertj..",
              "org.opentest4j..")
          .as("the test kit depends only on the domain, JUnit and AssertJ");

  /**
   * HTTP stays in the HTTP adapter: no field or method of the domain or the application is named
   * for a status code or a header ({@code status} as a number, {@code statusCode}, {@code
   * headers}…), and no string constant is a header name ({@code "Retry-After"}). One class is
   * allowed by name: a webhook delivery attempt records the status the receiver answered, which is
   * the delivery log's content, not an answer of ours.
   */
  static final ArchRule CORE_NAMES_NO_STATUS_CODE_OR_HEADER =
      classes()
          .that()
          .resideInAnyPackage(DOMAIN, APPLICATION)
          .and()
          .doNotHaveFullyQualifiedName("com.customerservice.domain.webhook.DeliveryAttempt")
          .should(HttpTerms.NAME_NONE)
          .as("nothing in the domain or the application names a status code or a header");

  /** Bootstrap wires everything; nothing may reach back into it. */
  static final ArchRule NOTHING_DEPENDS_ON_BOOTSTRAP =
      noClasses()
          .that()
          .resideOutsideOfPackage(BOOTSTRAP)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(BOOTSTRAP)
          .as("nothing depends on bootstrap");

  private ArchitectureRules() {}
}
