package io.tasklane.webhook;

import java.time.Clock;
import java.util.List;

import io.tasklane.common.ForbiddenException;
import io.tasklane.common.FieldViolation;
import io.tasklane.common.InvalidInputException;
import io.tasklane.common.NotFoundException;
import io.tasklane.security.Caller;
import io.tasklane.security.ProjectService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A project's webhooks and their delivery logs, for admins and the project's managers. */
@Service
public class Webhooks {

    static final int MAX_PAGE = 500;

    /** A webhook as a request asks for it; {@code events} and {@code format} by name, {@code waitThreshold} ISO-8601. */
    public record WebhookRequest(String url, List<String> events, String format, String secret, String waitThreshold) {
    }

    /** A webhook just made, with its secret: the only time the secret is shown. */
    public record Created(Webhook webhook, String secret) {
    }

    /** A page of a webhook's deliveries, newest first. */
    public record DeliveryPage(long total, List<WebhookDelivery> items) {
    }

    private final WebhookRepository webhooks;
    private final DeliveryRepository deliveries;
    private final ProjectService projects;
    private final Clock clock;

    Webhooks(WebhookRepository webhooks, DeliveryRepository deliveries, ProjectService projects, Clock clock) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.projects = projects;
        this.clock = clock;
    }

    @Transactional
    public Created create(Caller caller, String project, WebhookRequest request) {
        requireManager(caller, project);
        WebhookRules.Valid valid = WebhookRules.check(project, request, caller.userId(), clock.instant());
        webhooks.insert(valid.webhook(), valid.secret());
        return new Created(valid.webhook(), valid.secret());
    }

    @Transactional(readOnly = true)
    public List<Webhook> list(Caller caller, String project) {
        requireManager(caller, project);
        return webhooks.ofProject(project);
    }

    @Transactional(readOnly = true)
    public Webhook get(Caller caller, String project, String id) {
        requireManager(caller, project);
        return find(project, id);
    }

    /** Removes the webhook and its delivery log; what was still pending is not sent. */
    @Transactional
    public void delete(Caller caller, String project, String id) {
        requireManager(caller, project);
        find(project, id);
        webhooks.delete(id);
    }

    @Transactional(readOnly = true)
    public DeliveryPage deliveries(Caller caller, String project, String id, int offset, int limit) {
        requireManager(caller, project);
        find(project, id);
        if (offset < 0) {
            throw new InvalidInputException(FieldViolation.of("offset", "min", "offset must be 0 or more", 0));
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidInputException(FieldViolation.of("limit", "range", "limit must be between 1 and " + MAX_PAGE,
                    1, MAX_PAGE));
        }
        return new DeliveryPage(deliveries.countOfWebhook(id), deliveries.ofWebhook(id, offset, limit));
    }

    private Webhook find(String project, String id) {
        return webhooks.find(id).map(WebhookRepository.Signing::webhook).filter(w -> w.project().equals(project))
                .orElseThrow(() -> new NotFoundException("webhook", id));
    }

    /** 404 for a project the caller cannot see, 403 for a member who does not manage it. */
    private void requireManager(Caller caller, String project) {
        projects.get(caller, project);
        if (!projects.canManage(caller, project)) {
            throw new ForbiddenException("caller", "only members of " + Caller.ADMIN_GROUP + " and the project's managers may manage its webhooks");
        }
    }
}
