package com.customerservice.domain.customer;

import java.util.ArrayList;
import java.util.List;

/** A customer's three sensitive identifiers, each absent until known. */
public record GovernmentIds(SensitiveId nationalityId, SensitiveId taxId, SensitiveId nuib) {
  public static GovernmentIds none() {
    return new GovernmentIds(null, null, null);
  }

  GovernmentIds apply(CustomerChanges changes) {
    return new GovernmentIds(
        nationalityId, changes.taxId().applyTo(taxId), changes.nuib().applyTo(nuib));
  }

  /** The names of the editable ids whose values differ in {@code other}. */
  List<String> changedFields(GovernmentIds other) {
    List<String> changed = new ArrayList<>();
    CustomerProfile.addIfChanged(changed, CustomerChanges.TAX_ID, taxId, other.taxId);
    CustomerProfile.addIfChanged(changed, CustomerChanges.NUIB, nuib, other.nuib);
    return changed;
  }

  GovernmentIds withNationalityId(SensitiveId value) {
    return new GovernmentIds(value, taxId, nuib);
  }

  @Override
  public String toString() {
    return "GovernmentIds[***]";
  }
}
