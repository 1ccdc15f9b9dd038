package io.tasklane.webhook;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A notice's request body in a webhook's format, fixed when it enters the outbox so every attempt sends the same bytes. */
final class NoticeBodies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private NoticeBodies() {
    }

    static String of(Notice notice, WebhookFormat format) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (format == WebhookFormat.SLACK) {
            body.put("text", notice.text());
        } else {
            body.put("event", notice.type().name());
            body.put("key", notice.key());
            body.put("project", notice.project());
            body.put("occurredAt", notice.occurredAt().toString());
            body.put("text", notice.text());
            body.putAll(notice.details());
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a notice is strings and numbers", e);
        }
    }
}
