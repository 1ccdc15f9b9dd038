package io.tasklane.webhook;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tasklane.webhooks.*}: how often the outbox is read, how long a receiver may take, the retry schedule, and
 * how often queues are scanned for runs waiting longer than a webhook's threshold.
 */
@ConfigurationProperties("tasklane.webhooks")
public record WebhookProperties(@DefaultValue("1s") Duration pollInterval, @DefaultValue("10s") Duration timeout,
                                @DefaultValue("10s") Duration firstRetryDelay, @DefaultValue("1h") Duration maxRetryDelay,
                                @DefaultValue("8") int maxAttempts, @DefaultValue("30s") Duration waitScanInterval) {

    RetrySchedule retries() {
        return new RetrySchedule(firstRetryDelay, maxRetryDelay, maxAttempts);
    }
}
