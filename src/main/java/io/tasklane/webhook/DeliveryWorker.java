package io.tasklane.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.tasklane.common.DaemonThreads;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox: every poll it claims the deliveries that are due, POSTs them side by side (each signed, at
 * most {@code timeout} each), and records the answer: 2xx delivered; anything else tried again on the
 * {@link RetrySchedule}, or FAILED after the last attempt. On its own thread, so no run waits for a receiver; the
 * outbox is in the database, so a restart resumes where it stopped.
 */
@Component
class DeliveryWorker {

    static final String TIMESTAMP_HEADER = "X-Tasklane-Timestamp";
    static final String EVENT_HEADER = "X-Tasklane-Event";
    static final String DELIVERY_HEADER = "X-Tasklane-Delivery";
    private static final int BATCH = 20;
    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final DeliveryRepository deliveries;
    private final WebhookProperties properties;
    private final Clock clock;
    private final HttpClient http;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("webhook-delivery"));

    DeliveryWorker(DeliveryRepository deliveries, WebhookProperties properties, Clock clock) {
        this.deliveries = deliveries;
        this.properties = properties;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @EventListener(ApplicationReadyEvent.class)
    void startPolling() {
        long every = properties.pollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::pass, every, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        poller.shutdownNow();
    }

    void pass() {
        try {
            List<DeliveryRepository.Due> due = deliveries.claimDue(clock.instant(), properties.timeout().plusSeconds(30), BATCH);
            CompletableFuture.allOf(due.stream().map(this::attempt).toArray(CompletableFuture[]::new)).join();
        } catch (RuntimeException e) {
            log.warn("Webhook delivery pass failed; the next one tries again: {}", e.toString());
        }
    }

    private CompletableFuture<Void> attempt(DeliveryRepository.Due due) {
        byte[] body = due.body().getBytes(StandardCharsets.UTF_8);
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(due.url())).timeout(properties.timeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Tasklane-Webhooks")
                    .header(WebhookSignature.HEADER, WebhookSignature.of(due.secret(), body))
                    .header(TIMESTAMP_HEADER, Long.toString(clock.instant().getEpochSecond()))
                    .header(EVENT_HEADER, due.eventType())
                    .header(DELIVERY_HEADER, Long.toString(due.id()))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        } catch (IllegalArgumentException e) {
            record(due, null, "cannot send to " + due.url() + ": " + e.getMessage());
            return CompletableFuture.completedFuture(null);
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> {
                    if (failure != null) {
                        record(due, null, failure.getCause() != null ? failure.getCause().toString() : failure.toString());
                    } else if (response.statusCode() / 100 == 2) {
                        deliveries.delivered(due.id(), due.attempts() + 1, response.statusCode(), clock.instant());
                    } else {
                        String answer = response.body() == null ? "" : response.body();
                        record(due, response.statusCode(), "HTTP " + response.statusCode()
                                + (answer.isBlank() ? "" : ": " + answer.substring(0, Math.min(200, answer.length()))));
                    }
                    return null;
                });
    }

    private void record(DeliveryRepository.Due due, Integer status, String error) {
        int attempts = due.attempts() + 1;
        Instant now = clock.instant();
        Instant next = properties.retries().delayAfter(attempts).map(now::plus).orElse(null);
        deliveries.failed(due.id(), attempts, status, error, now, next);
        if (next == null) {
            log.warn("Webhook {} gave up delivery {} after {} attempts: {}", due.webhookId(), due.id(), attempts, error);
        }
    }
}
