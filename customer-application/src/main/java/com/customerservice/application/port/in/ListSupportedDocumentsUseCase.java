package com.customerservice.application.port.in;

import com.customerservice.domain.kyc.DocumentType;
import java.util.List;

/** The identity documents a customer may upload. */
public interface ListSupportedDocumentsUseCase {

  List<DocumentType> list();
}
