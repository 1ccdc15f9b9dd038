package io.tasklane.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

class NoticeBodiesTest {

    final Notice killed = new Notice(WebhookEvent.RUN_KILLED, "RUN_KILLED:r1", "vision", Instant.parse("2026-12-06T10:00:00Z"),
            "Task train (t1) in project vision: run r1 KILLED: make room", Map.of("runId", "r1"));

    @Test
    void slackGetsOneReadableLine() {
        assertThat(NoticeBodies.of(killed, WebhookFormat.SLACK))
                .isEqualTo("{\"text\":\"Task train (t1) in project vision: run r1 KILLED: make room\"}");
    }

    @Test
    void jsonCarriesTheEventItsKeyAndTheDetails() {
        assertThat(NoticeBodies.of(killed, WebhookFormat.JSON)).isEqualTo("{\"event\":\"RUN_KILLED\",\"key\":\"RUN_KILLED:r1\","
                + "\"project\":\"vision\",\"occurredAt\":\"2026-12-06T10:00:00Z\","
                + "\"text\":\"Task train (t1) in project vision: run r1 KILLED: make room\",\"runId\":\"r1\"}");
    }
}
