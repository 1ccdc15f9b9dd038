package io.tasklane.budget;

import io.tasklane.common.ConflictException;
import io.tasklane.task.StartGuard;
import org.springframework.stereotype.Component;

/**
 * Refuses a new start of a project whose enforced budget is spent, whoever starts it (admins included: an admin
 * who must run raises or removes the budget, which leaves a record). Queued and running runs go on.
 */
@Component
class SpentBudgetGuard implements StartGuard {

    static final String RULE = "budget-spent";

    private final Budgets budgets;

    SpentBudgetGuard(Budgets budgets) {
        this.budgets = budgets;
    }

    @Override
    public void requireStartAllowed(String project) {
        budgets.status(project).filter(s -> s.budget().enforce() && s.state() == BudgetState.SPENT).ifPresent(spent -> {
            throw new ConflictException("budget", RULE, spent.describe() + "; new starts are refused until "
                    + spent.monthEnd() + " or until an admin raises or removes the budget", spent.budget().project(),
                    BudgetStatus.round(spent.usedGpuHours()), BudgetStatus.round(spent.budget().monthlyGpuHours()), spent.monthEnd());
        });
    }
}
