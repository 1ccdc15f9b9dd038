package io.tasklane.budget;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A budget and its month so far: GPU-hours used (running runs up to now), remaining (never below 0), the used
 * share, the day it runs out at this month's rate so far (null when nothing was used or it lasts the month), and
 * the state.
 */
public record BudgetStatus(Budget budget, YearMonth month, Instant monthStart, Instant monthEnd, double usedGpuHours,
                           double remainingGpuHours, double share, LocalDate exhaustsOn, BudgetState state) {

    /** "project vision has used 12.5 of its 10 GPU-hours for 2026-12 (UTC)". */
    public String describe() {
        return "project " + budget.project() + " has used " + round(usedGpuHours) + " of its " + round(budget.monthlyGpuHours())
                + " GPU-hours for " + month + " (" + budget.zone().getId() + ")";
    }

    static double round(double hours) {
        return Math.round(hours * 1e4) / 1e4;
    }
}
