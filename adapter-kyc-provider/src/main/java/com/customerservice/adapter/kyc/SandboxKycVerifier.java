package com.customerservice.adapter.kyc;

import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.customer.SensitiveId;
import com.customerservice.domain.file.Image;
import com.customerservice.domain.kyc.DocumentExtraction;
import com.customerservice.domain.kyc.KycReview;
import com.customerservice.domain.kyc.Refusal;
import com.customerservice.domain.kyc.VendorFindings;
import com.customerservice.domain.kyc.VendorJob;
import com.customerservice.domain.kyc.Verdict;
import com.customerservice.domain.port.KycVerifier;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 *   <li>a selfie {@value #APPROVED_LATER_WIDTH} px wide is taken for later and approved on the
 *       first poll {@link #DECIDES_AFTER} or more after its upload;
 *   <li>a selfie {@value #REVIEW_LATER_WIDTH} px wide is taken for later and then needs a person
 *       (the vendor's own review);
 *   <li>a selfie {@value #FACE_MISMATCH_LATER_WIDTH} px wide is taken for later and then does not
 *       match the document;
 *   <li>a selfie {@value #NEVER_DECIDED_WIDTH} px wide is taken for later and never decided (the
 *       service's deadline opens a review);
 *   <li>anything else is a valid document and a matching selfie, decided at once.
 * </ul>
 *
 * The extracted fields are plausible and derived from a hash of the front page, so the same
 * document always reads the same; the sandbox reads documents at upload, so its approvals carry no
 * reading.
 *
 * <p>The sandbox keeps nothing: a job's reference carries what a poll needs (the selfie's width,
 * when it was uploaded, and a random part that makes it unique). A reference the sandbox did not
 * issue is still pending whenever it is polled: the service's deadline then puts it before a
 * person, which is what a vendor's silence leads to; an exception would only make the scheduler
 * retry a question no answer exists for. The sandbox sends no callbacks, so any message claiming to
 * be one is not authentic.
 */
public final class SandboxKycVerifier implements KycVerifier {
  public static final int EXPIRED_DOCUMENT_WIDTH = 410;
  public static final int FACE_MISMATCH_WIDTH = 420;
  public static final int NOT_LIVE_WIDTH = 421;
  public static final int PROCESSING_ERROR_WIDTH = 422;
  public static final int APPROVED_LATER_WIDTH = 423;
  public static final int REVIEW_LATER_WIDTH = 424;
  public static final int FACE_MISMATCH_LATER_WIDTH = 425;
  public static final int NEVER_DECIDED_WIDTH = 426;

  /** How long a job taken for later takes to be decided. */
  public static final Duration DECIDES_AFTER = Duration.ofSeconds(5);

  private static final System.Logger LOG = System.getLogger(SandboxKycVerifier.class.getName());

  /** {@code sandbox-<selfie width>-<upload time, epoch ms>-<random hex>}. */
  private static final Pattern REFERENCE =
      Pattern.compile("sandbox-([0-9]{1,9})-([0-9]{1,18})-[0-9a-f]{16}");

  private static final List<String> GIVEN_NAMES =
      List.of("Ana", "Carlos", "Fátima", "João", "Luísa", "Manuel", "Rosa", "Tomás");
  private static final List<String> SURNAMES =
      List.of(
          "Machava", "Cossa", "Mondlane", "Sitoe", "Nhantumbo", "Tembe", "Mucavele", "Chissano");
  private static final List<String> CITIES = List.of("Maputo", "Matola", "Beira", "Nampula");

  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public SandboxKycVerifier(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

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
  public Submission submit(SelfieCheck check) {
    int width = check.selfie().width();
    byte[] unique = new byte[8];
    random.nextBytes(unique);
    VendorJob job =
        VendorJob.of(
            "sandbox-" + width + "-" + clock.millis() + "-" + HexFormat.of().formatHex(unique));
    return takenForLater(width)
        ? new Submission.Submitted(job)
        : new Submission.Decided(job, verdict(width));
  }

  @Override
  public Poll poll(CustomerId customer, VendorJob job) {
    Matcher issued = REFERENCE.matcher(job.reference());
    if (!issued.matches()) {
      LOG.log(
          System.Logger.Level.WARNING,
          "sandbox job {0} was not issued by the sandbox",
          job.reference());
      return new Poll.StillPending();
    }
    int width = Integer.parseInt(issued.group(1));
    Instant uploaded = Instant.ofEpochMilli(Long.parseLong(issued.group(2)));
    boolean decided =
        !takenForLater(width)
            || (width != NEVER_DECIDED_WIDTH
                && !clock.instant().isBefore(uploaded.plus(DECIDES_AFTER)));
    return decided ? new Poll.Decided(verdict(width)) : new Poll.StillPending();
  }

  @Override
  public CallbackReading readCallback(VendorMessage message) {
    return new CallbackReading.NotAuthentic("the sandbox sends no callbacks");
  }

  private static boolean takenForLater(int width) {
    return width >= APPROVED_LATER_WIDTH && width <= NEVER_DECIDED_WIDTH;
  }

  /**
   * What the sandbox decides for a selfie {@code width} px wide, in words shaped like a vendor's.
   */
  private static Verdict verdict(int width) {
    return switch (width) {
      case FACE_MISMATCH_WIDTH, FACE_MISMATCH_LATER_WIDTH ->
          refused(
              Refusal.FACE_MISMATCH, width, "Face does not match the document", "Passed", "Failed");
      case NOT_LIVE_WIDTH ->
          refused(Refusal.NOT_LIVE, width, "Not a live person", "Failed", "Not Applicable");
      case PROCESSING_ERROR_WIDTH ->
          refused(
              Refusal.IMAGE_UNPROCESSABLE,
              width,
              "The image could not be processed",
              "Unable To Determine",
              "Unable To Determine");
      case REVIEW_LATER_WIDTH ->
          new Verdict.NeedsReview(
              KycReview.Reason.VENDOR_REVIEW,
              Optional.empty(),
              findings(width, "review", "Sent to human review", "Passed", "Under Review"));
      default ->
          new Verdict.Approved(
              Optional.empty(),
              findings(width, "approved", "Face matches the document", "Passed", "Passed"));
    };
  }

  private static Verdict refused(
      Refusal refusal, int width, String text, String liveness, String faceMatch) {
    return new Verdict.Refused(
        refusal, Optional.empty(), findings(width, "refused", text, liveness, faceMatch));
  }

  private static VendorFindings findings(
      int width, String result, String text, String liveness, String faceMatch) {
    return VendorFindings.none()
        .with("result", result)
        .with("result_text", text)
        .with("selfie_width", Integer.toString(width))
        .with(
            "checks",
            VendorFindings.none().with("liveness", liveness).with("face_match", faceMatch));
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
