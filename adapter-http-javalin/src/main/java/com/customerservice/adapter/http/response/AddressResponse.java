package com.customerservice.adapter.http.response;

import com.customerservice.domain.customer.Address;

/** A postal address as an object. */
public record AddressResponse(String street, String city, String country, String postalCode) {
  static AddressResponse from(Address address) {
    return address == null
        ? null
        : new AddressResponse(
            address.street(), address.city(), address.country(), address.postalCode());
  }
}
