package io.tasklane.webhook;

import java.time.Instant;

/**
 * One notice on its way to one webhook: PENDING until its POST is answered 2xx (DELIVERED) or it ran out of
 * attempts (FAILED). {@code lastStatus} is the last HTTP status, {@code lastError} why the last attempt failed.
 */
public record WebhookDelivery(long id, String webhookId, String eventType, String eventKey, String state, int attempts,
                              Integer lastStatus, String lastError, Instant createdAt, Instant lastAttemptAt,
                              Instant nextAttemptAt, Instant deliveredAt) {

    public static final String PENDING = "PENDING";
    public static final String DELIVERED = "DELIVERED";
    public static final String FAILED = "FAILED";
}
