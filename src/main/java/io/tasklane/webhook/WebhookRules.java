package io.tasklane.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.tasklane.common.FieldViolation;
import io.tasklane.common.InvalidInputException;
import io.tasklane.common.ShortIds;

/** A webhook request checked field by field: every broken field named at once (400). */
final class WebhookRules {

    static final Duration MIN_WAIT = Duration.ofSeconds(1);
    static final Duration MAX_WAIT = Duration.ofDays(30);

    private WebhookRules() {
    }

    /** A webhook as asked for, and the secret to sign with (the request's, or a fresh one). */
    record Valid(Webhook webhook, String secret) {
    }

    static Valid check(String project, Webhooks.WebhookRequest request, String by, Instant at) {
        if (request == null) {
            throw new InvalidInputException("url", "required", "a webhook needs a url and events");
        }
        List<FieldViolation> violations = new ArrayList<>();
        String url = url(request.url(), violations);
        Set<WebhookEvent> events = events(request.events(), violations);
        WebhookFormat format = oneOf("format", request.format() == null ? "JSON" : request.format(), WebhookFormat.class, violations);
        Duration threshold = waitThreshold(request.waitThreshold(), events, violations);
        String secret = request.secret();
        if (secret != null && (secret.length() < 16 || secret.length() > 256)) {
            violations.add(FieldViolation.of("secret", "length", "secret must be 16 to 256 characters, or left out to have one made",
                    16, 256));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return new Valid(new Webhook(ShortIds.next('w'), project, url, events, format, threshold, at, by),
                secret != null ? secret : WebhookSignature.newSecret());
    }

    private static String url(String url, List<FieldViolation> violations) {
        if (url == null || url.isBlank()) {
            violations.add(new FieldViolation("url", "required", "url is required: where the notices are POSTed"));
            return null;
        }
        try {
            URI uri = new URI(url);
            if (url.length() > 2048 || uri.getHost() == null || !Set.of("http", "https").contains(String.valueOf(uri.getScheme()).toLowerCase())) {
                violations.add(new FieldViolation("url", "http-url", "url must be an http or https URL with a host, at most 2048 characters"));
            }
        } catch (URISyntaxException e) {
            violations.add(new FieldViolation("url", "http-url", "url is not a URL: " + e.getMessage()));
        }
        return url;
    }

    private static Set<WebhookEvent> events(List<String> names, List<FieldViolation> violations) {
        if (names == null || names.isEmpty()) {
            violations.add(new FieldViolation("events", "required", "events is required: one or more of " + names(WebhookEvent.class)));
            return Set.of();
        }
        Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
        for (int i = 0; i < names.size(); i++) {
            WebhookEvent event = oneOf("events[" + i + "]", names.get(i), WebhookEvent.class, violations);
            if (event != null) {
                events.add(event);
            }
        }
        return events;
    }

    private static Duration waitThreshold(String value, Set<WebhookEvent> events, List<FieldViolation> violations) {
        boolean watches = events.contains(WebhookEvent.RUN_WAITING_LONG);
        if (value == null || value.isBlank()) {
            if (watches) {
                violations.add(new FieldViolation("waitThreshold", "required", "waitThreshold (such as PT30M) is required with RUN_WAITING_LONG"));
            }
            return null;
        }
        if (!watches) {
            violations.add(new FieldViolation("waitThreshold", "only-with-waiting", "waitThreshold applies only with the event RUN_WAITING_LONG"));
            return null;
        }
        try {
            Duration threshold = Duration.parse(value);
            if (threshold.compareTo(MIN_WAIT) < 0 || threshold.compareTo(MAX_WAIT) > 0) {
                violations.add(FieldViolation.of("waitThreshold", "range", "waitThreshold must be between PT1S and P30D",
                        "PT1S", "P30D"));
            }
            return threshold;
        } catch (DateTimeParseException e) {
            violations.add(FieldViolation.of("waitThreshold", "duration", "waitThreshold must be an ISO-8601 duration such as PT30M, not '" + value + "'",
                    value));
            return null;
        }
    }

    private static <E extends Enum<E>> E oneOf(String field, String value, Class<E> type, List<FieldViolation> violations) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.trim());
        } catch (IllegalArgumentException e) {
            violations.add(FieldViolation.of(field, "one-of", field + " '" + value + "' is not one of " + names(type),
                    names(type)));
            return null;
        }
    }

    private static <E extends Enum<E>> String names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
