package com.customerservice.testkit.fakes;

import com.customerservice.domain.customer.PhoneNumber;
import com.customerservice.domain.port.OtpSender;
import com.customerservice.domain.verification.OtpCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Keeps the codes it was asked to send, and can be told to fail like a gateway that is down. */
public final class RecordingOtpSender implements OtpSender {
  /** One delivery. */
  public record Sent(PhoneNumber phone, OtpCode code) {}

  private final List<Sent> sent = new ArrayList<>();
  private volatile boolean down;

  @Override
  public synchronized void send(PhoneNumber phone, OtpCode code) {
    if (down) {
      throw new IllegalStateException("SMS gateway is down");
    }
    sent.add(new Sent(phone, code));
  }

  public void setDown(boolean down) {
    this.down = down;
  }

  public synchronized List<Sent> sent() {
    return List.copyOf(sent);
  }

  public synchronized Optional<OtpCode> lastCodeFor(PhoneNumber phone) {
    for (int i = sent.size() - 1; i >= 0; i--) {
      if (sent.get(i).phone().equals(phone)) {
        return Optional.of(sent.get(i).code());
      }
    }
    return Optional.empty();
  }
}
