package com.customerservice.domain.kyc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class VendorFindingsTest {
  @Test
  void keepsTheVendorsOrderAndNesting() {
    VendorFindings findings =
        VendorFindings.none()
            .with("ResultCode", "0814")
            .with("Actions", VendorFindings.none().with("Liveness_Check", "Passed"));
    assertThat(findings.toPlainMap())
        .containsExactly(
            Map.entry("ResultCode", "0814"),
            Map.entry("Actions", Map.of("Liveness_Check", "Passed")));
    assertThat(VendorFindings.restore(findings.toPlainMap())).isEqualTo(findings);
  }

  @Test
  void isBoundedInTextDepthAndSize() {
    assertThat(VendorFindings.none().with("text", "x".repeat(2000)).values().get("text"))
        .asString()
        .hasSize(VendorFindings.MAX_TEXT);
    VendorFindings deep = VendorFindings.none().with("a", "b");
    for (int i = 1; i < VendorFindings.MAX_DEPTH; i++) {
      deep = VendorFindings.none().with("level", deep);
    }
    VendorFindings deepest = deep;
    assertThatThrownBy(() -> VendorFindings.none().with("level", deepest))
        .isInstanceOf(IllegalArgumentException.class);
    VendorFindings many = VendorFindings.none();
    for (int i = 0; i < VendorFindings.MAX_ENTRIES; i++) {
      many = many.with("k" + i, "v");
    }
    VendorFindings full = many;
    assertThatThrownBy(() -> full.with("one-more", "v"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
