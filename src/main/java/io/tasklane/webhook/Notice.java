package io.tasklane.webhook;

import java.time.Instant;
import java.util.Map;

/**
 * Something to tell a project's webhooks: its type, a key that is the same however often the fact is seen (a run's
 * end, a month's warning), a readable line, and the fields the JSON body carries besides.
 */
record Notice(WebhookEvent type, String key, String project, Instant occurredAt, String text, Map<String, Object> details) {

    Notice {
        details = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(details));
    }
}
