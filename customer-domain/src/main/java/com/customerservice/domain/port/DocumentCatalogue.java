package com.customerservice.domain.port;

import com.customerservice.domain.kyc.DocumentType;
import java.util.List;
import java.util.Optional;

/** The identity documents the service accepts. */
public interface DocumentCatalogue {

  /** Every accepted document type, in a stable order. */
  List<DocumentType> supported();

  default Optional<DocumentType> find(String code) {
    return supported().stream().filter(t -> t.code().equals(code)).findFirst();
  }
}
