package io.tasklane.api;

import java.time.Instant;
import java.time.LocalDate;

import io.tasklane.budget.BudgetState;
import io.tasklane.budget.BudgetStatus;
import io.tasklane.budget.Budgets;
import io.tasklane.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A project's monthly GPU-hour budget: admins set and remove it, the project's members read where it stands. */
@RestController
@RequestMapping(path = "/api/v1/projects/{name}/budget", produces = MediaType.APPLICATION_JSON_VALUE)
class BudgetController {

    /** The budget as set, and this month so far; {@code exhaustsOn} is absent when it lasts the month (or is spent). */
    record BudgetResponse(String project, double monthlyGpuHours, String timeZone, double warnShare, boolean enforce,
                          String month, Instant monthStart, Instant monthEnd, double usedGpuHours, double remainingGpuHours,
                          double share, LocalDate exhaustsOn, BudgetState state, Instant updatedAt, String updatedBy) {

        static BudgetResponse of(BudgetStatus s) {
            var b = s.budget();
            return new BudgetResponse(b.project(), b.monthlyGpuHours(), b.zone().getId(), b.warnShare(), b.enforce(), s.month().toString(),
                    s.monthStart(), s.monthEnd(), s.usedGpuHours(), s.remainingGpuHours(), s.share(), s.exhaustsOn(), s.state(),
                    b.updatedAt(), b.updatedBy());
        }
    }

    private final Budgets budgets;

    BudgetController(Budgets budgets) {
        this.budgets = budgets;
    }

    @Operation(summary = "The project's budget and its month so far (used, remaining, share, forecast day it runs out, state)")
    @GetMapping
    BudgetResponse get(@AuthenticationPrincipal Caller caller, @PathVariable String name) {
        return BudgetResponse.of(budgets.get(caller, name));
    }

    @Operation(summary = "Sets the project's monthly GPU-hour budget (admins)",
            description = "monthlyGpuHours (> 0), timeZone of the month boundary (UTC), warnShare 0..1 (0.8), enforce (false): "
                    + "when true, new starts are refused with 409 rule budget-spent once the month's budget is used")
    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    BudgetResponse set(@AuthenticationPrincipal Caller caller, @PathVariable String name, @RequestBody Budgets.BudgetRequest request) {
        return BudgetResponse.of(budgets.set(caller, name, request));
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@AuthenticationPrincipal Caller caller, @PathVariable String name) {
        budgets.remove(caller, name);
    }
}
