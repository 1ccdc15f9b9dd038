package io.tasklane.budget;

import java.time.Instant;

import org.jmolecules.event.annotation.DomainEvent;

/**
 * A project's budget crossed its warning share ({@code state} WARNING) or was spent (SPENT) in {@code month}
 * ("2026-12"); told once per project, month and state, and again after the budget is changed ({@code budgetSetAt}).
 */
@DomainEvent
public record BudgetNotice(String project, String month, BudgetState state, double usedGpuHours, double monthlyGpuHours,
                           double share, boolean enforce, String description, Instant budgetSetAt, Instant at) {
}
