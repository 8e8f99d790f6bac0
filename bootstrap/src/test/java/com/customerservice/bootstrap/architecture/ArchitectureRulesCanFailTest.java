package com.customerservice.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.customerservice.adapter.archfixturea.AdapterReachingIntoAnother;
import com.customerservice.adapter.archfixtureb.SomeOtherAdapter;
import com.customerservice.adapter.kyc.SandboxParsingJson;
import com.customerservice.adapter.kyc.archfixture.VendorClientUsingTheDatabase;
import com.customerservice.application.archfixture.ApplicationSpeakingHttp;
import com.customerservice.application.archfixture.ApplicationUsingAFramework;
import com.customerservice.domain.archfixture.DomainUsingBootstrap;
import com.customerservice.domain.archfixture.DomainUsingTheApplication;
import com.customerservice.domain.customer.PhoneNumber;
import com.customerservice.testkit.archfixture.TestKitUsingTheApplication;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/**
 * Each rule against a deliberately bad class (in this module's test code, never in production): a
 * rule that cannot fail would check nothing.
 */
class ArchitectureRulesCanFailTest {
  private static JavaClasses classes(Class<?>... types) {
    return new ClassFileImporter().importClasses(types);
  }

  @Test
  void theDomainRuleCatchesADomainClassUsingTheApplication() {
    assertThatThrownBy(
            () ->
                ArchitectureRules.DOMAIN_DEPENDS_ONLY_ON_JDK_AND_LIBPHONENUMBER.check(
                    classes(DomainUsingTheApplication.class)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("CallContext");
  }

  @Test
  void theDomainRulePassesAPlainDomainClass() {
    assertThatCode(
            () ->
                ArchitectureRules.DOMAIN_DEPENDS_ONLY_ON_JDK_AND_LIBPHONENUMBER.check(
                    classes(PhoneNumber.class)))
        .doesNotThrowAnyException();
  }

  @Test
  void theApplicationRuleCatchesAFrameworkDependency() {
    assertThatThrownBy(
            () ->
                ArchitectureRules.APPLICATION_DEPENDS_ONLY_ON_DOMAIN_AND_JAVA.check(
                    classes(ApplicationUsingAFramework.class)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("com.tngtech");
  }

  @Test
  void theHttpTermsRuleCatchesAStatusCodeAndAHeaderNameInTheCore() {
    assertThatThrownBy(
            () ->
                ArchitectureRules.CORE_NAMES_NO_STATUS_CODE_OR_HEADER.check(
                    classes(ApplicationSpeakingHttp.class)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("ApplicationSpeakingHttp.status")
        .hasMessageContaining("Retry-After");
  }

  @Test
  void theHttpTermsRulePassesTheIdempotencyCore() {
    assertThatCode(
            () ->
                ArchitectureRules.CORE_NAMES_NO_STATUS_CODE_OR_HEADER.check(
                    classes(
                        com.customerservice.domain.idempotency.KeptAnswer.class,
                        com.customerservice.domain.idempotency.IdempotencyKey.class,
                        com.customerservice.application.service.IdempotencyService.class)))
        .doesNotThrowAnyException();
  }

  @Test
  void theAdapterRuleCatchesOneAdapterUsingAnother() {
    assertThatThrownBy(
            () ->
                ArchitectureRules.ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER.check(
                    classes(AdapterReachingIntoAnother.class, SomeOtherAdapter.class)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("archfixtureb");
  }

  @Test
  void theKycRulesCatchTheSandboxParsingJsonAndAVendorClientUsingTheDatabase() {
    assertThatThrownBy(
            () ->
                ArchitectureRules.KYC_USES_ONLY_THE_DOMAIN.check(classes(SandboxParsingJson.class)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("jackson");
    assertThatThrownBy(
            () ->
                ArchitectureRules.KYC_VENDOR_CLIENTS_USE_ONLY_THEIR_STACK.check(
                    classes(VendorClientUsingTheDatabase.class)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("jdbi");
  }

  @Test
  void theBootstrapRuleCatchesAnyoneReachingBack() {
    assertThatThrownBy(
            () ->
                ArchitectureRules.NOTHING_DEPENDS_ON_BOOTSTRAP.check(
                    classes(DomainUsingBootstrap.class)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("WiringStandIn");
  }

  @Test
  void theTestKitRuleCatchesAKitClassUsingTheApplication() {
    assertThatThrownBy(
            () ->
                ArchitectureRules.TESTKIT_DEPENDS_ONLY_ON_THE_DOMAIN.check(
                    classes(TestKitUsingTheApplication.class)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("UseCases");
  }
}
