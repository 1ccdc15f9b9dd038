package io.tasklane.webhook;

import java.util.Optional;

import io.tasklane.budget.BudgetState;
import io.tasklane.task.TaskState;

/** What a webhook may be told about. */
public enum WebhookEvent {
    RUN_SUCCEEDED, RUN_FAILED, RUN_KILLED, RUN_STOPPED,
    /** A run has waited in its queue longer than the webhook's threshold; told once per run. */
    RUN_WAITING_LONG,
    BUDGET_WARNING, BUDGET_SPENT;

    static Optional<WebhookEvent> ofRunEnd(TaskState state) {
        return switch (state) {
            case SUCCEEDED -> Optional.of(RUN_SUCCEEDED);
            case FAILED -> Optional.of(RUN_FAILED);
            case KILLED -> Optional.of(RUN_KILLED);
            case STOPPED -> Optional.of(RUN_STOPPED);
            default -> Optional.empty();
        };
    }

    static WebhookEvent ofBudget(BudgetState state) {
        return state == BudgetState.SPENT ? BUDGET_SPENT : BUDGET_WARNING;
    }
}
