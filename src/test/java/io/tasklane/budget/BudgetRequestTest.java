package io.tasklane.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;

import io.tasklane.common.FieldViolation;
import io.tasklane.common.InvalidInputException;
import org.junit.jupiter.api.Test;

class BudgetRequestTest {

    static final Instant NOW = Instant.parse("2026-12-06T00:00:00Z");

    @Test
    void defaultsAreUtcEightyPercentAndNotEnforced() {
        Budget budget = Budgets.validated("vision", new Budgets.BudgetRequest(10.0, null, null, null), "admin", NOW);
        assertThat(budget.zone().getId()).isEqualTo("UTC");
        assertThat(budget.warnShare()).isEqualTo(0.8);
        assertThat(budget.enforce()).isFalse();
    }

    @Test
    void everyBrokenFieldIsNamed() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> Budgets.validated("vision", new Budgets.BudgetRequest(0.0, "Mars/Base", 1.5, true), "admin", NOW));
        assertThat(e.violations()).extracting(FieldViolation::field, FieldViolation::rule)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("monthlyGpuHours", "range"),
                        org.assertj.core.groups.Tuple.tuple("warnShare", "range"), org.assertj.core.groups.Tuple.tuple("timeZone", "time-zone"));
        InvalidInputException missing = catchThrowableOfType(InvalidInputException.class,
                () -> Budgets.validated("vision", new Budgets.BudgetRequest(null, null, null, null), "admin", NOW));
        assertThat(missing.violations()).extracting(FieldViolation::field, FieldViolation::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("monthlyGpuHours", "required"));
    }
}
