package com.customerservice.testkit.memory;

import com.customerservice.domain.kyc.DocumentType;
import com.customerservice.domain.port.DocumentCatalogue;
import java.util.List;

/** A fixed catalogue: a two-sided identity card and a one-page passport. */
public final class InMemoryDocumentCatalogue implements DocumentCatalogue {
  public static final DocumentType ID_CARD =
      new DocumentType("MZ_BI", "Bilhete de Identidade", "MZ", true);
  public static final DocumentType PASSPORT =
      new DocumentType("MZ_PASSPORT", "Passaporte", "MZ", false);

  @Override
  public List<DocumentType> supported() {
    return List.of(ID_CARD, PASSPORT);
  }
}
