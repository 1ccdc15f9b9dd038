package io.tasklane.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** A project's webhook as anyone may read it: never its secret. {@code waitThreshold} only with RUN_WAITING_LONG. */
public record Webhook(String id, String project, String url, Set<WebhookEvent> events, WebhookFormat format, Duration waitThreshold,
                      Instant createdAt, String createdBy) {

    public Webhook {
        events = Set.copyOf(events);
    }
}
