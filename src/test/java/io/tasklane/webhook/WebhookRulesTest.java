package io.tasklane.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.tasklane.common.FieldViolation;
import io.tasklane.common.InvalidInputException;
import org.junit.jupiter.api.Test;

class WebhookRulesTest {

    static final Instant NOW = Instant.parse("2026-12-06T00:00:00Z");

    @Test
    void aGoodRequestGetsAFreshSecretAndJsonByDefault() {
        WebhookRules.Valid valid = WebhookRules.check("vision", new Webhooks.WebhookRequest("https://hooks.example.com/x",
                List.of("RUN_FAILED", "RUN_WAITING_LONG"), null, null, "PT30M"), "admin", NOW);
        assertThat(valid.webhook().format()).isEqualTo(WebhookFormat.JSON);
        assertThat(valid.webhook().waitThreshold()).isEqualTo(Duration.ofMinutes(30));
        assertThat(valid.webhook().id()).startsWith("w");
        assertThat(valid.secret()).hasSize(64);
    }

    @Test
    void everyBrokenFieldIsNamed() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> WebhookRules.check("vision",
                new Webhooks.WebhookRequest("ftp://files", List.of("RUN_FAILED", "RUN_EXPLODED"), "XML", "short", "PT5M"), "admin", NOW));
        assertThat(e.violations()).extracting(FieldViolation::field, FieldViolation::rule).containsExactlyInAnyOrder(
                tuple("url", "http-url"), tuple("events[1]", "one-of"), tuple("format", "one-of"), tuple("secret", "length"),
                tuple("waitThreshold", "only-with-waiting"));
    }

    @Test
    void waitingLongNeedsAThresholdInRange() {
        InvalidInputException missing = catchThrowableOfType(InvalidInputException.class, () -> WebhookRules.check("vision",
                new Webhooks.WebhookRequest("http://localhost:9/x", List.of("RUN_WAITING_LONG"), "SLACK", null, null), "admin", NOW));
        assertThat(missing.violations()).extracting(FieldViolation::field, FieldViolation::rule).containsExactly(tuple("waitThreshold", "required"));
        InvalidInputException tooLong = catchThrowableOfType(InvalidInputException.class, () -> WebhookRules.check("vision",
                new Webhooks.WebhookRequest("http://localhost:9/x", List.of("RUN_WAITING_LONG"), null, null, "P90D"), "admin", NOW));
        assertThat(tooLong.violations()).extracting(FieldViolation::rule).containsExactly("range");
        InvalidInputException noEvents = catchThrowableOfType(InvalidInputException.class, () -> WebhookRules.check("vision",
                new Webhooks.WebhookRequest(null, List.of(), null, null, null), "admin", NOW));
        assertThat(noEvents.violations()).extracting(FieldViolation::field).containsExactlyInAnyOrder("url", "events");
    }
}
