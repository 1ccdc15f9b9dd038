package io.tasklane.budget;

/** Where a project stands against its budget this month. */
public enum BudgetState {
    /** Below the warning share. */
    OK,
    /** At or above the warning share, not yet spent. */
    WARNING,
    /** All of it used (or more: running runs are never stopped for a budget). */
    SPENT
}
