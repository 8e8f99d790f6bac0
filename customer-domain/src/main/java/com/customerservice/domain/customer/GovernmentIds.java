package com.customerservice.domain.customer;

/** A customer's three sensitive identifiers, each absent until known. */
public record GovernmentIds(SensitiveId nationalityId, SensitiveId taxId, SensitiveId nuib) {
  public static GovernmentIds none() {
    return new GovernmentIds(null, null, null);
  }

  GovernmentIds apply(CustomerChanges changes) {
    return new GovernmentIds(
        nationalityId, changes.taxId().applyTo(taxId), changes.nuib().applyTo(nuib));
  }

  GovernmentIds withNationalityId(SensitiveId value) {
    return new GovernmentIds(value, taxId, nuib);
  }

  @Override
  public String toString() {
    return "GovernmentIds[***]";
  }
}
