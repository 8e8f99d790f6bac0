package com.customerservice.application.service;

import com.customerservice.application.port.in.ListSupportedDocumentsUseCase;
import com.customerservice.domain.kyc.DocumentType;
import com.customerservice.domain.port.DocumentCatalogue;
import java.util.List;

/** The identity documents the catalogue accepts. */
public final class ListSupportedDocumentsService implements ListSupportedDocumentsUseCase {
  private final DocumentCatalogue catalogue;

  public ListSupportedDocumentsService(DocumentCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  @Override
  public List<DocumentType> list() {
    return List.copyOf(catalogue.supported());
  }
}
