package com.customerservice.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rules hold for the production code of every module on bootstrap's class path. */
class ArchitectureTest {
  private static JavaClasses production;

  @BeforeAll
  static void importProductionClasses() {
    production =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // the modules' test-jars (in-memory ports, fixtures) are test code too
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("com.customerservice");
  }

  @Test
  void theImportSeesEveryRoom() {
    assertThat(production.containPackage("com.customerservice.domain.customer")).isTrue();
    assertThat(production.containPackage("com.customerservice.application.service")).isTrue();
    assertThat(production.containPackage("com.customerservice.adapter.persistence")).isTrue();
    assertThat(production.containPackage("com.customerservice.adapter.http")).isTrue();
    assertThat(production.containPackage("com.customerservice.adapter.kyc")).isTrue();
    assertThat(production.containPackage("com.customerservice.adapter.sms")).isTrue();
    assertThat(production.containPackage("com.customerservice.bootstrap")).isTrue();
    assertThat(production.containPackage("com.customerservice.testkit.memory")).isTrue();
  }

  @Test
  void theTestKitDependsOnlyOnTheDomain() {
    ArchitectureRules.TESTKIT_DEPENDS_ONLY_ON_THE_DOMAIN.check(production);
  }

  @Test
  void adaptersDoNotDependOnEachOther() {
    ArchitectureRules.ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER.check(production);
  }

  @Test
  void smsUsesOnlyTheJdk() {
    ArchitectureRules.SMS_USES_ONLY_THE_JDK.check(production);
  }

  @Test
  void kycUsesOnlyTheDomain() {
    ArchitectureRules.KYC_USES_ONLY_THE_DOMAIN.check(production);
  }

  @Test
  void kycVendorClientsUseOnlyTheirStack() {
    assertThat(production.containPackage("com.customerservice.adapter.kyc.smileid")).isTrue();
    ArchitectureRules.KYC_VENDOR_CLIENTS_USE_ONLY_THEIR_STACK.check(production);
  }

  @Test
  void httpUsesOnlyItsOwnStack() {
    ArchitectureRules.HTTP_USES_ONLY_ITS_STACK.check(production);
  }

  @Test
  void cryptoUsesOnlyTink() {
    assertThat(production.containPackage("com.customerservice.adapter.crypto")).isTrue();
    ArchitectureRules.CRYPTO_USES_ONLY_TINK.check(production);
  }

  @Test
  void backgroundWorkUsesOnlyItsOwnStack() {
    assertThat(production.containPackage("com.customerservice.adapter.scheduler")).isTrue();
    ArchitectureRules.SCHEDULER_USES_ONLY_ITS_STACK.check(production);
  }

  @Test
  void webhooksUseOnlyTheirOwnStack() {
    assertThat(production.containPackage("com.customerservice.adapter.webhooks")).isTrue();
    ArchitectureRules.WEBHOOKS_USE_ONLY_THEIR_STACK.check(production);
  }

  @Test
  void persistenceUsesOnlyItsOwnStack() {
    ArchitectureRules.PERSISTENCE_USES_ONLY_ITS_STACK.check(production);
  }

  @Test
  void domainDependsOnlyOnTheJdkAndLibphonenumber() {
    ArchitectureRules.DOMAIN_DEPENDS_ONLY_ON_JDK_AND_LIBPHONENUMBER.check(production);
  }

  @Test
  void applicationDependsOnlyOnTheDomainAndJava() {
    ArchitectureRules.APPLICATION_DEPENDS_ONLY_ON_DOMAIN_AND_JAVA.check(production);
  }

  @Test
  void theCoreNamesNoStatusCodeOrHeader() {
    ArchitectureRules.CORE_NAMES_NO_STATUS_CODE_OR_HEADER.check(production);
  }

  @Test
  void nothingDependsOnBootstrap() {
    ArchitectureRules.NOTHING_DEPENDS_ON_BOOTSTRAP.check(production);
  }
}
