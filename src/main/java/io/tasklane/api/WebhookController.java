package io.tasklane.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.tasklane.security.Caller;
import io.tasklane.webhook.Webhook;
import io.tasklane.webhook.WebhookDelivery;
import io.tasklane.webhook.Webhooks;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A project's webhooks and their delivery logs, for admins and the project's managers. */
@RestController
@RequestMapping(path = "/api/v1/projects/{name}/webhooks", produces = MediaType.APPLICATION_JSON_VALUE)
class WebhookController {

    /** A webhook as read; {@code secret} only in the answer that made it. */
    record WebhookResponse(String id, String project, String url, List<String> events, String format, String waitThreshold,
                           Instant createdAt, String createdBy, String secret) {

        static WebhookResponse of(Webhook w, String secret) {
            return new WebhookResponse(w.id(), w.project(), w.url(), w.events().stream().map(Enum::name).sorted().toList(),
                    w.format().name(), w.waitThreshold() == null ? null : w.waitThreshold().toString(), w.createdAt(), w.createdBy(), secret);
        }
    }

    private final Webhooks webhooks;

    WebhookController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @Operation(summary = "Adds a webhook; the answer shows its secret, once",
            description = "events: RUN_SUCCEEDED, RUN_FAILED, RUN_KILLED, RUN_STOPPED, RUN_WAITING_LONG (needs waitThreshold, "
                    + "ISO-8601 such as PT30M), BUDGET_WARNING, BUDGET_SPENT. format JSON (default) or SLACK. Each POST carries "
                    + "X-Tasklane-Signature: sha256=<hex HMAC-SHA256 of the body under the secret>.")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<WebhookResponse> create(@AuthenticationPrincipal Caller caller, @PathVariable String name,
                                           @RequestBody Webhooks.WebhookRequest request) {
        Webhooks.Created created = webhooks.create(caller, name, request);
        return ResponseEntity.created(URI.create("/api/v1/projects/" + name + "/webhooks/" + created.webhook().id()))
                .body(WebhookResponse.of(created.webhook(), created.secret()));
    }

    @GetMapping
    ListResponse<WebhookResponse> list(@AuthenticationPrincipal Caller caller, @PathVariable String name) {
        List<WebhookResponse> items = webhooks.list(caller, name).stream().map(w -> WebhookResponse.of(w, null)).toList();
        return new ListResponse<>(items.size(), items);
    }

    @GetMapping("/{id}")
    WebhookResponse get(@AuthenticationPrincipal Caller caller, @PathVariable String name, @PathVariable String id) {
        return WebhookResponse.of(webhooks.get(caller, name, id), null);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal Caller caller, @PathVariable String name, @PathVariable String id) {
        webhooks.delete(caller, name, id);
    }

    @Operation(summary = "The webhook's deliveries, newest first: state, attempts, last HTTP status or error, times")
    @GetMapping("/{id}/deliveries")
    ListResponse<WebhookDelivery> deliveries(@AuthenticationPrincipal Caller caller, @PathVariable String name, @PathVariable String id,
                                             @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "50") int limit) {
        Webhooks.DeliveryPage page = webhooks.deliveries(caller, name, id, offset, limit);
        return new ListResponse<>(page.total(), page.items());
    }
}
