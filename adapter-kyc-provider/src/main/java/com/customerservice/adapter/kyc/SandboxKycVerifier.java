package com.customerservice.adapter.kyc;

import com.customerservice.domain.customer.SensitiveId;
import com.customerservice.domain.file.Image;
import com.customerservice.domain.kyc.DocumentExtraction;
import com.customerservice.domain.kyc.SelfieResult;
import com.customerservice.domain.port.KycVerifier;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A KYC provider for development and client testing, as vendors' sandboxes work: no account, no
 * network, the same answer for the same input, and documented "magic" inputs that trigger each
 * outcome. The magic is the width in pixels of an image, which any test image can be resized to:
 *
 * <ul>
 *   <li>a document whose front page is {@value #EXPIRED_DOCUMENT_WIDTH} px wide has expired;
 *   <li>a selfie {@value #FACE_MISMATCH_WIDTH} px wide does not match the document;
 *   <li>a selfie {@value #NOT_LIVE_WIDTH} px wide is not of a live person;
 *   <li>a selfie {@value #PROCESSING_ERROR_WIDTH} px wide cannot be processed;
 *   <li>anything else is a valid document and a matching selfie.
 * </ul>
 *
 * The extracted fields are plausible and derived from a hash of the front page, so the same
 * document always reads the same.
 */
public final class SandboxKycVerifier implements KycVerifier {
  public static final int EXPIRED_DOCUMENT_WIDTH = 410;
  public static final int FACE_MISMATCH_WIDTH = 420;
  public static final int NOT_LIVE_WIDTH = 421;
  public static final int PROCESSING_ERROR_WIDTH = 422;

  private static final List<String> GIVEN_NAMES =
      List.of("Ana", "Carlos", "Fátima", "João", "Luísa", "Manuel", "Rosa", "Tomás");
  private static final List<String> SURNAMES =
      List.of(
          "Machava", "Cossa", "Mondlane", "Sitoe", "Nhantumbo", "Tembe", "Mucavele", "Chissano");
  private static final List<String> CITIES = List.of("Maputo", "Matola", "Beira", "Nampula");

  @Override
  public String name() {
    return "sandbox";
  }

  @Override
  public Optional<DocumentExtraction> readDocument(DocumentCheck check) {
    Image front = check.submission().front();
    long seed = seed(front);
    int a = (int) Math.floorMod(seed, 1000);
    LocalDate issued = LocalDate.of(2019, 1, 1).plusDays(Math.floorMod(seed >>> 10, 1500));
    LocalDate expires =
        front.width() == EXPIRED_DOCUMENT_WIDTH ? LocalDate.of(2020, 1, 1) : issued.plusYears(10);
    if (expires.isBefore(issued)) {
      issued = expires.minusYears(10);
    }
    return Optional.of(
        new DocumentExtraction(
            GIVEN_NAMES.get(a % GIVEN_NAMES.size()),
            SURNAMES.get((a / 10) % SURNAMES.size()),
            LocalDate.of(1960, 1, 1).plusDays(Math.floorMod(seed >>> 20, 15_000)),
            SensitiveId.of(
                "id_number", String.format("1101%08dM", Math.floorMod(seed >>> 3, 100_000_000))),
            issued,
            expires,
            "Av. " + (1 + a % 900) + ", " + CITIES.get(a % CITIES.size())));
  }

  @Override
  public SelfieResult checkSelfie(SelfieCheck check) {
    return switch (check.selfie().width()) {
      case FACE_MISMATCH_WIDTH -> new SelfieResult.FaceMismatch();
      case NOT_LIVE_WIDTH -> new SelfieResult.NotLive();
      case PROCESSING_ERROR_WIDTH -> new SelfieResult.ProcessingError();
      default -> new SelfieResult.Match();
    };
  }

  private static long seed(Image image) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(image.content());
      return ByteBuffer.wrap(digest).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }
}
