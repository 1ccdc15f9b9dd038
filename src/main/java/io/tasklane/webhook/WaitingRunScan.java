package io.tasklane.webhook;

import java.time.Clock;
import java.time.Instant;

import io.tasklane.task.RunSummaries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Waiting is the absence of an event, so a periodic pass finds the runs queued longer than each watching webhook's
 * threshold (one indexed query per webhook) and adds a RUN_WAITING_LONG notice; its key tells each run once.
 */
@Component
class WaitingRunScan {

    private static final Logger log = LoggerFactory.getLogger(WaitingRunScan.class);

    private final WebhookRepository webhooks;
    private final RunSummaries runs;
    private final NoticeOutbox outbox;
    private final Clock clock;

    WaitingRunScan(WebhookRepository webhooks, RunSummaries runs, NoticeOutbox outbox, Clock clock) {
        this.webhooks = webhooks;
        this.runs = runs;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${tasklane.webhooks.wait-scan-interval:30s}", initialDelayString = "${tasklane.webhooks.wait-scan-interval:30s}")
    void scan() {
        Instant now = clock.instant();
        for (WebhookRepository.Signing webhook : webhooks.waitingWatchers()) {
            try {
                runs.waitingSince(webhook.webhook().project(), now.minus(webhook.webhook().waitThreshold()))
                        .forEach(run -> outbox.addWaiting(webhook, run));
            } catch (RuntimeException e) {
                log.warn("Could not scan project {} for long waits now; the next pass tries again: {}", webhook.webhook().project(), e.toString());
            }
        }
    }
}
