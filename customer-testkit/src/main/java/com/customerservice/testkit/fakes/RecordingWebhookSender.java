package com.customerservice.testkit.fakes;

import com.customerservice.domain.error.InvalidValueException;
import com.customerservice.domain.event.CustomerEvent;
import com.customerservice.domain.port.WebhookSender;
import com.customerservice.domain.webhook.DeliveryAttempt;
import com.customerservice.domain.webhook.DeliveryError;
import com.customerservice.domain.webhook.EndpointUrl;
import com.customerservice.domain.webhook.WebhookEndpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A webhook sender for tests: answers each send with the next scripted status (200 when none is
 * left), records what it sent, and refuses the hosts a test forbids.
 */
public final class RecordingWebhookSender implements WebhookSender {
  private final Deque<Integer> statuses = new ArrayDeque<>();
  private final List<Sent> sent = new ArrayList<>();
  private final Set<String> forbiddenHosts = new HashSet<>();

  /** One send: to which endpoint, which event, when. */
  public record Sent(WebhookEndpoint endpoint, CustomerEvent event, Instant at) {}

  /** The next sends answer these statuses, in order. */
  public synchronized RecordingWebhookSender answer(Integer... next) {
    statuses.addAll(List.of(next));
    return this;
  }

  public synchronized RecordingWebhookSender forbid(String host) {
    forbiddenHosts.add(host);
    return this;
  }

  @Override
  public synchronized void vetDestination(EndpointUrl url) {
    if (forbiddenHosts.contains(url.host())) {
      throw new InvalidValueException(
          "url_forbidden",
          EndpointUrl.FIELD,
          "url resolves to an address deliveries may not go to");
    }
  }

  @Override
  public synchronized DeliveryAttempt send(
      WebhookEndpoint endpoint, CustomerEvent event, Instant attemptedAt) {
    sent.add(new Sent(endpoint, event, attemptedAt));
    if (forbiddenHosts.contains(endpoint.url().host())) {
      return DeliveryAttempt.failed(
          attemptedAt, DeliveryError.FORBIDDEN_DESTINATION, Duration.ZERO);
    }
    int status = statuses.isEmpty() ? 200 : statuses.poll();
    return DeliveryAttempt.answered(attemptedAt, status, Duration.ofMillis(3), "");
  }

  public synchronized List<Sent> sent() {
    return List.copyOf(sent);
  }
}
