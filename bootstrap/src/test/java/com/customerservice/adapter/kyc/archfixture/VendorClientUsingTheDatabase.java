package com.customerservice.adapter.kyc.archfixture;

import org.jdbi.v3.core.Jdbi;

/** A deliberately bad vendor client: a KYC client has no business with the database. */
public final class VendorClientUsingTheDatabase {
  public Object open(String url) {
    return Jdbi.create(url);
  }
}
