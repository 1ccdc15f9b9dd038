package io.tasklane.webhook;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import io.tasklane.budget.BudgetNotice;
import io.tasklane.common.OnCommitted;
import io.tasklane.task.RunEnded;
import io.tasklane.task.RunSummaries;
import io.tasklane.task.RunSummaries.RunSummary;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns what happened into outbox rows for the project's webhooks that asked for it. A run's end is heard inside the
 * transaction that ends the run, so its rows commit with it or not at all; while no webhook exists that costs one
 * count (every run ends, few projects have webhooks, and the lifecycle is kept lean). Budget notices arrive through
 * the event publication registry (at least once); each row's key makes a second arrival add nothing. Nothing here
 * waits for a receiver: the delivery worker sends later.
 */
@Component
class NoticeOutbox {

    private final WebhookRepository webhooks;
    private final DeliveryRepository deliveries;
    private final RunSummaries runs;
    private final TransactionTemplate transactions;
    private final Clock clock;

    NoticeOutbox(WebhookRepository webhooks, DeliveryRepository deliveries, RunSummaries runs, PlatformTransactionManager transactionManager,
                 Clock clock) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.runs = runs;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    @EventListener
    void on(RunEnded ended) {
        if (!webhooks.anyExist()) {
            return;
        }
        WebhookEvent.ofRunEnd(ended.state()).ifPresent(type -> runs.find(ended.runId()).ifPresent(run -> {
            String text = "Task " + run.taskName() + " (" + run.taskId() + ") in project " + run.project() + ": run " + run.runId()
                    + " " + ended.state() + (ended.reason() == null ? "" : ": " + ended.reason());
            add(new Notice(type, type + ":" + run.runId(), run.project(), ended.at(), text, runDetails(run, ended.reason())));
        }));
    }

    @OnCommitted
    void on(BudgetNotice budget) {
        WebhookEvent type = WebhookEvent.ofBudget(budget.state());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("month", budget.month());
        details.put("usedGpuHours", budget.usedGpuHours());
        details.put("monthlyGpuHours", budget.monthlyGpuHours());
        details.put("share", budget.share());
        details.put("enforce", budget.enforce());
        String text = "Budget " + budget.state() + ": " + budget.description()
                + (budget.state().name().equals("SPENT") && budget.enforce() ? "; new starts are refused" : "");
        add(new Notice(type, type + ":" + budget.month() + ":" + budget.budgetSetAt().toEpochMilli(), budget.project(), budget.at(), text, details));
    }

    /** A run that has waited longer than {@code webhook}'s threshold: told to that webhook, once. */
    boolean addWaiting(WebhookRepository.Signing webhook, RunSummary run) {
        String text = "Task " + run.taskName() + " (" + run.taskId() + ") in project " + run.project() + ": run " + run.runId()
                + " has waited in its queue since " + run.queuedAt() + ", longer than " + webhook.webhook().waitThreshold();
        Notice notice = new Notice(WebhookEvent.RUN_WAITING_LONG, WebhookEvent.RUN_WAITING_LONG + ":" + run.runId(), run.project(),
                clock.instant(), text, runDetails(run, run.reason()));
        return Boolean.TRUE.equals(transactions.execute(tx ->
                deliveries.enqueue(webhook.webhook().id(), notice, NoticeBodies.of(notice, webhook.webhook().format()), clock.instant())));
    }

    private void add(Notice notice) {
        transactions.executeWithoutResult(tx -> {
            for (WebhookRepository.Signing webhook : webhooks.subscribedTo(notice.project(), notice.type())) {
                deliveries.enqueue(webhook.webhook().id(), notice, NoticeBodies.of(notice, webhook.webhook().format()), clock.instant());
            }
        });
    }

    private static Map<String, Object> runDetails(RunSummary run, String reason) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("runId", run.runId().value());
        details.put("taskId", run.taskId().value());
        details.put("taskName", run.taskName());
        details.put("state", run.state().name());
        if (reason != null) {
            details.put("reason", reason);
        }
        details.put("queuedAt", run.queuedAt().toString());
        if (run.finishedAt() != null) {
            details.put("finishedAt", run.finishedAt().toString());
        }
        return details;
    }
}
