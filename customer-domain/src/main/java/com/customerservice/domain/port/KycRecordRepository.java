package com.customerservice.domain.port;

import com.customerservice.domain.kyc.KycDocument;
import com.customerservice.domain.kyc.KycReference;
import com.customerservice.domain.kyc.SelfieAttempt;
import java.util.List;
import java.util.Optional;

/** The evidence of KYC decisions: accepted documents and every selfie checked against them. */
public interface KycRecordRepository {

  void saveDocument(KycDocument document);

  Optional<KycDocument> findDocument(KycReference reference);

  void saveSelfieAttempt(SelfieAttempt attempt);

  List<SelfieAttempt> selfieAttempts(KycReference reference);
}
