package io.tasklane.budget;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Use grows while runs run, not at any event, so a periodic pass tells when a budget crosses its warning share
 * or is spent: a log line and a {@link BudgetNotice} (for webhooks), once per project, month and state; the
 * database row says what was told, so several instances tell it once.
 */
@Component
class BudgetWatch {

    private static final Logger log = LoggerFactory.getLogger(BudgetWatch.class);

    private final BudgetRepository repository;
    private final Budgets budgets;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    BudgetWatch(BudgetRepository repository, Budgets budgets, ApplicationEventPublisher events, PlatformTransactionManager transactionManager,
                Clock clock) {
        this.repository = repository;
        this.budgets = budgets;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${tasklane.budgets.check-interval:60s}", initialDelayString = "${tasklane.budgets.check-interval:60s}")
    void check() {
        for (Budget budget : repository.findAll()) {
            try {
                transactions.executeWithoutResult(tx -> tell(budgets.status(budget)));
            } catch (RuntimeException e) {
                log.warn("Could not check the budget of project {} now; the next pass tries again: {}", budget.project(), e.toString());
            }
        }
    }

    private void tell(BudgetStatus status) {
        if (status.state() == BudgetState.OK) {
            return;
        }
        String column = status.state() == BudgetState.SPENT ? "spent_month" : "warned_month";
        if (!repository.markTold(status.budget().project(), column, status.month())) {
            return;
        }
        if (status.state() == BudgetState.SPENT) {
            repository.markTold(status.budget().project(), "warned_month", status.month()); // no warning after the fact
        }
        log.warn("Budget {}: {}{}", status.state(), status.describe(), status.budget().enforce() && status.state() == BudgetState.SPENT
                ? "; new starts are refused" : "");
        Budget budget = status.budget();
        events.publishEvent(new BudgetNotice(budget.project(), status.month().toString(), status.state(), status.usedGpuHours(),
                budget.monthlyGpuHours(), status.share(), budget.enforce(), status.describe(), budget.updatedAt(), clock.instant()));
    }
}
