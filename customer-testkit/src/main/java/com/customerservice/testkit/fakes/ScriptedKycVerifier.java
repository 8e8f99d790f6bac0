package com.customerservice.testkit.fakes;

import com.customerservice.domain.customer.CustomerId;
import com.customerservice.domain.customer.SensitiveId;
import com.customerservice.domain.error.DependencyUnavailableException;
import com.customerservice.domain.kyc.DocumentExtraction;
import com.customerservice.domain.kyc.VendorFindings;
import com.customerservice.domain.kyc.VendorJob;
import com.customerservice.domain.kyc.Verdict;
import com.customerservice.domain.port.KycVerifier;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A KYC vendor whose answers a test sets: a valid document and an approved selfie, decided at once,
 * unless told otherwise; a job it keeps for later, decided when the test says; an outage. Its
 * callbacks are {@code {"job":"<reference>"}} ({@link #callbackAbout}), authentic when the {@code
 * signature} attribute says {@value #AUTHENTIC}. It records what it was asked.
 */
public final class ScriptedKycVerifier implements KycVerifier {
  public static final String AUTHENTIC = "authentic";
  private static final Pattern CALLBACK = Pattern.compile("\\{\"job\":\"([^\"]+)\"}");

  public static final DocumentExtraction VALID_DOCUMENT =
      new DocumentExtraction(
          "Jane",
          "Machava",
          LocalDate.of(1990, 1, 15),
          SensitiveId.of("id_number", "110100123456A"),
          LocalDate.of(2020, 1, 1),
          LocalDate.of(2030, 1, 1),
          "Av. Julius Nyerere, Maputo");

  private final String name;
  private final AtomicInteger jobs = new AtomicInteger();
  private volatile Optional<DocumentExtraction> document = Optional.of(VALID_DOCUMENT);
  private volatile Verdict selfie = approved();
  private volatile boolean later;
  private volatile Optional<String> subject = Optional.empty();
  private volatile boolean down;
  private volatile CountDownLatch entered;
  private volatile CountDownLatch release;
  private volatile CountDownLatch pollEntered;
  private final AtomicReference<CountDownLatch> heldPoll = new AtomicReference<>();
  private final Map<String, Verdict> decidedJobs = new ConcurrentHashMap<>();
  private final List<DocumentCheck> documentChecks = new ArrayList<>();
  private final List<SelfieCheck> selfieChecks = new ArrayList<>();
  private final List<VendorJob> polls = new ArrayList<>();

  public ScriptedKycVerifier() {
    this("scripted");
  }

  public ScriptedKycVerifier(String name) {
    this.name = name;
  }

  /** Approved, with nothing read in the job (the document was read at upload). */
  public static Verdict approved() {
    return new Verdict.Approved(Optional.empty(), VendorFindings.none());
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Optional<DocumentExtraction> readDocument(DocumentCheck check) {
    holdIfAsked();
    return readDocumentNow(check);
  }

  private synchronized Optional<DocumentExtraction> readDocumentNow(DocumentCheck check) {
    failIfDown();
    documentChecks.add(check);
    return document;
  }

  @Override
  public synchronized Submission submit(SelfieCheck check) {
    failIfDown();
    selfieChecks.add(check);
    VendorJob job = new VendorJob("job-" + jobs.incrementAndGet(), subject);
    return later ? new Submission.Submitted(job) : new Submission.Decided(job, selfie);
  }

  @Override
  public Poll poll(CustomerId customer, VendorJob job) {
    CountDownLatch held = heldPoll.getAndSet(null);
    if (held != null) {
      pollEntered.countDown();
      await(held);
    }
    return pollNow(job);
  }

  private synchronized Poll pollNow(VendorJob job) {
    failIfDown();
    polls.add(job);
    Verdict decided = decidedJobs.get(job.reference());
    return decided == null ? new Poll.StillPending() : new Poll.Decided(decided);
  }

  @Override
  public CallbackReading readCallback(VendorMessage message) {
    if (!message.attribute("signature").filter(AUTHENTIC::equals).isPresent()) {
      return new CallbackReading.NotAuthentic("the signature does not verify");
    }
    Matcher job = CALLBACK.matcher(new String(message.body(), StandardCharsets.UTF_8));
    return job.matches()
        ? new CallbackReading.AboutJob(job.group(1))
        : new CallbackReading.AboutNoJob();
  }

  /** The body of a callback about the job {@code reference} (about none when it is empty). */
  public static byte[] callbackAbout(String reference) {
    return ("{\"job\":\"" + reference + "\"}").getBytes(StandardCharsets.UTF_8);
  }

  public void answerDocument(DocumentExtraction extraction) {
    this.document = Optional.of(extraction);
  }

  /** Behaves like a vendor that reads documents only together with the selfie. */
  public void readDocumentsOnlyWithTheSelfie() {
    this.document = Optional.empty();
  }

  /** The verdict of the next selfies, given during the call. */
  public void answerSelfie(Verdict verdict) {
    this.selfie = verdict;
    this.later = false;
  }

  /** The next selfies' jobs are taken and decided only when {@link #decide} says. */
  public void decideLater() {
    this.later = true;
  }

  /** The vendor finished the job {@code reference} with {@code verdict}: polls now answer it. */
  public void decide(String reference, Verdict verdict) {
    decidedJobs.put(reference, verdict);
  }

  /** The subject the vendor gives the customer in its next jobs. */
  public void nameCustomersAs(String vendorSubject) {
    this.subject = Optional.of(vendorSubject);
  }

  /**
   * Makes the next document reads signal {@code entered} and wait for {@code release}: a vendor
   * that is slow to answer.
   */
  public void holdDocumentReads(CountDownLatch entered, CountDownLatch release) {
    this.entered = entered;
    this.release = release;
  }

  /**
   * Makes the next poll signal {@code entered} and wait for {@code release} before it answers: a
   * vendor slow to answer while another bearer of the news gets through.
   */
  public void holdNextPoll(CountDownLatch entered, CountDownLatch release) {
    this.pollEntered = entered;
    this.heldPoll.set(release);
  }

  private void holdIfAsked() {
    CountDownLatch wait = release;
    if (wait != null) {
      entered.countDown();
      await(wait);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public void setDown(boolean down) {
    this.down = down;
  }

  public synchronized List<DocumentCheck> documentChecks() {
    return List.copyOf(documentChecks);
  }

  public synchronized List<SelfieCheck> selfieChecks() {
    return List.copyOf(selfieChecks);
  }

  /** The jobs polled, in order. */
  public synchronized List<VendorJob> polls() {
    return List.copyOf(polls);
  }

  private void failIfDown() {
    if (down) {
      throw new DependencyUnavailableException(
          "kyc_provider_unavailable", "The identity verification provider is unavailable", null);
    }
  }
}
